package dev.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.registry.Service;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values many instances repeat are held once: texts of decoded messages and whole metadata maps. */
class SharedValuesTest {

    @Test
    void anEqualTextComesBackAsTheInstanceHandedOutBefore() {
        SharedValues<String> shared = new SharedValues<>(16);
        String first = shared.share(new String("eu-west-1"));

        assertSame(first, shared.share(new String("eu-west-1")));
        assertEquals("other", shared.share("other"));
    }

    @Test
    void decodedServicesShareTheTextsTheyRepeatButNotTheirAddresses() throws Exception {
        WireCodec codec = new WireCodec(64 * 1024);
        Service a = codec.decodeRegister(message("10.0.0.1:80"), "svc").service();
        Service b = codec.decodeRegister(message("10.0.0.2:80"), "svc").service();

        assertSame(a.name(), b.name());
        assertSame(a.network(), b.network());
        assertSame(a.version(), b.version());
        assertSame(a.host(), b.host());
        assertSame(a.kv().get("zone"), b.kv().get("zone"));
        assertSame(a.kv(), b.kv(), "equal metadata is one map");
        assertEquals("10.0.0.2:80", b.address());
    }

    @Test
    void servicesBuiltWithEqualMetadataShareOneMapAndOthersKeepTheirOwn() {
        Service a = Service.builder("svc").address("10.0.0.1:80").kv("zone", "eu-1").kv("team", "a").build();
        Service b = Service.builder("svc").address("10.0.0.2:80").kv("team", new String("a")).kv("zone", "eu-1").build();
        Service c = Service.builder("svc").address("10.0.0.3:80").kv("zone", "eu-2").build();

        assertSame(a.kv(), b.kv());
        assertEquals(Map.of("zone", "eu-2"), c.kv());
        assertEquals(Map.of("zone", "eu-1", "team", "a"), a.kv());
    }

    @Test
    void aValueTakesTheSlotOfAnotherAndTheTableStaysItsSize() {
        SharedValues<Integer> shared = new SharedValues<>(1);
        Integer first = shared.share(1_000);
        Integer second = shared.share(2_000);

        assertSame(second, shared.share(Integer.valueOf(2_000)), "the newer value holds the one slot");
        assertNotSame(first, shared.share(Integer.valueOf(1_000)), "the older one was replaced");
    }

    @Test
    void aSizeThatIsNotAPowerOfTwoIsRejected() {
        IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class, () -> new SharedValues<>(100));
        assertEquals("slots must be a power of two, was 100", rejected.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SharedValues<>(0));
    }

    private static byte[] message(String address) {
        return ("{\"net\":\"tcp\",\"add\":\"" + address + "\",\"name\":\"svc\",\"v\":\"1.4.2\",\"h\":\"h1\","
                + "\"kv\":{\"zone\":\"eu-1\"},\"t\":{\"Registered\":1,\"Duration\":1000}}").getBytes(StandardCharsets.UTF_8);
    }
}
