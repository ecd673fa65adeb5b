package dev.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SortedKvTest {

    private static final TreeMap<String, String> ENTRIES = new TreeMap<>(Map.of("zone", "eu-1", "ep.grpc", "grpc://h:1",
            "a", "", "rack", "r7", "weight", "3"));

    @Test
    void itIsTheSortedMapItWasCopiedFrom() {
        Map<String, String> kv = SortedKv.copyOf(ENTRIES);

        assertEquals(List.copyOf(ENTRIES.keySet()), List.copyOf(kv.keySet()), "key order");
        assertEquals(List.copyOf(ENTRIES.values()), List.copyOf(kv.values()));
        assertEquals(ENTRIES, kv);
        assertEquals(kv, ENTRIES);
        assertEquals(kv, new HashMap<>(ENTRIES));
        assertEquals(ENTRIES.hashCode(), kv.hashCode());
        assertEquals(ENTRIES.toString(), kv.toString());
        assertEquals(SortedKv.copyOf(new TreeMap<>(ENTRIES)), kv);
    }

    @Test
    void everyKeyIsFoundAndNoOtherIs() {
        Map<String, String> kv = SortedKv.copyOf(ENTRIES);

        ENTRIES.forEach((key, value) -> assertEquals(value, kv.get(key), key));
        assertTrue(kv.containsKey("a"));
        assertNull(kv.get("b"));
        assertNull(kv.get("zzz"));
        assertNull(kv.get(""));
        assertNull(kv.get(null));
        assertNull(kv.get(42));
        assertFalse(kv.containsKey("Zone"));
    }

    @Test
    void itCannotBeChanged() {
        Map<String, String> kv = SortedKv.copyOf(ENTRIES);

        assertThrows(UnsupportedOperationException.class, () -> kv.put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> kv.remove("a"));
        assertThrows(UnsupportedOperationException.class, kv::clear);
        assertThrows(UnsupportedOperationException.class, () -> kv.entrySet().iterator().next().setValue("x"));
        assertThrows(UnsupportedOperationException.class, () -> kv.keySet().remove("a"));
        assertEquals(ENTRIES, kv);
    }

    @Test
    void noEntriesIsTheEmptyMap() {
        assertSame(Map.of(), SortedKv.copyOf(new TreeMap<>()));
    }

    @Test
    void aBuiltServiceKeepsItsMetadataWhateverTheBuilderDoesLater() {
        Service.Builder builder = Service.builder("s").address("h:1").kv("b", "2").kv("a", "1");
        Service first = builder.build();
        builder.kv("a", "changed").kv("c", "3");

        assertEquals(Map.of("a", "1", "b", "2"), first.kv());
        assertEquals(List.of("a", "b"), List.copyOf(first.kv().keySet()));
        assertEquals(Map.of("a", "changed", "b", "2", "c", "3"), builder.build().kv());
    }
}
