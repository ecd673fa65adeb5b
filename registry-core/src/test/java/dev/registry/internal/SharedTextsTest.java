package dev.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.registry.Service;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SharedTextsTest {

    @Test
    void anEqualTextComesBackAsTheInstanceHandedOutBefore() {
        SharedTexts shared = new SharedTexts();
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
        assertEquals("10.0.0.2:80", b.address());
    }

    private static byte[] message(String address) {
        return ("{\"net\":\"tcp\",\"add\":\"" + address + "\",\"name\":\"svc\",\"v\":\"1.4.2\",\"h\":\"h1\","
                + "\"kv\":{\"zone\":\"eu-1\"},\"t\":{\"Registered\":1,\"Duration\":1000}}").getBytes(StandardCharsets.UTF_8);
    }
}
