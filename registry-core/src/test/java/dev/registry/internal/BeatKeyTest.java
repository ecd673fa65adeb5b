package dev.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BeatKeyTest {

    @Test
    void messagesEqualButForTheirSendTimeAreEqual() {
        BeatKey first = key("{\"add\":\"a:1\",\"name\":\"s\",\"t\":{\"Registered\":1795288057329,\"Duration\":1000}}");
        BeatKey later = key("{\"add\":\"a:1\",\"name\":\"s\",\"t\":{\"Registered\":1795288058331,\"Duration\":1000}}");
        BeatKey shorter = key("{\"add\":\"a:1\",\"name\":\"s\",\"t\":{\"Registered\":7,\"Duration\":1000}}");

        assertEquals(first, later);
        assertEquals(first.hashCode(), later.hashCode());
        assertEquals(first, shorter);
    }

    @Test
    void anyOtherByteMakesADifferentMessage() {
        BeatKey first = key("{\"add\":\"a:1\",\"name\":\"s\",\"t\":{\"Registered\":1,\"Duration\":1000}}");

        assertNotEquals(first, key("{\"add\":\"a:2\",\"name\":\"s\",\"t\":{\"Registered\":1,\"Duration\":1000}}"));
        assertNotEquals(first, key("{\"add\":\"a:1\",\"name\":\"s\",\"t\":{\"Registered\":1,\"Duration\":1001}}"));
        assertNotEquals(first, key("{\"add\":\"a:1\",\"name\":\"s\",\"t\":{\"Registered\":1,\"Duration\":1000},\"status\":\"warning\"}"));
    }

    @Test
    void onlyAPlainIntegerSendTimeCanBeMasked() {
        assertNull(BeatKey.of(bytes("{\"add\":\"a:1\",\"name\":\"s\",\"t\":{\"Duration\":1000}}")));
        assertNull(BeatKey.of(bytes("{\"t\":{\"Registered\":-1,\"Duration\":1000}}")), "a sign");
        assertNull(BeatKey.of(bytes("{\"t\":{\"Registered\":01,\"Duration\":1000}}")), "a leading zero");
        assertNull(BeatKey.of(bytes("{\"t\":{\"Registered\": 1,\"Duration\":1000}}")), "a space");
        assertNull(BeatKey.of(bytes("{\"t\":{\"Registered\":1234567890123456789,\"Duration\":1000}}")), "19 digits");
        assertNotNull(BeatKey.of(bytes("{\"t\":{\"Registered\":0,\"Duration\":1000}}")));
    }

    @Test
    void theLastSendTimeIsMasked() {
        BeatKey first = key("{\"kv\":{\"x\":\"\\\"Registered\\\":5\"},\"t\":{\"Registered\":1,\"Duration\":1}}");
        BeatKey later = key("{\"kv\":{\"x\":\"\\\"Registered\\\":5\"},\"t\":{\"Registered\":2,\"Duration\":1}}");
        BeatKey otherKv = key("{\"kv\":{\"x\":\"\\\"Registered\\\":6\"},\"t\":{\"Registered\":1,\"Duration\":1}}");

        assertEquals(first, later);
        assertNotEquals(first, otherKv);
    }

    private static BeatKey key(String json) {
        BeatKey key = BeatKey.of(bytes(json));
        assertNotNull(key, json);
        return key;
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
