package dev.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ServiceTest {

    @Test
    void rejectsNamesThatCannotBeATopicTokenSayingWhy() {
        for (String bad : List.of("a.b", "a*", "a>", "a b", "a?", "a[1]")) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Service.builder(bad));
            assertTrue(error.getMessage().contains("'" + bad + "'"), error.getMessage());
        }
        for (String invisible : List.of("a\tb", "a\u00A0b", "a\u2003b", "a\u200Bb", "a\u0085b", "a\u0007b", "a\uD800b")) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Service.builder(invisible));
            assertTrue(error.getMessage().contains("U+" + String.format("%04X", (int) invisible.charAt(1)) + " at index 1"),
                    error.getMessage());
        }
        for (String unicode : List.of("café", "服务", "Ñandú", "emoji😀")) {
            assertEquals(unicode, Service.builder(unicode).address("a:1").build().name());
        }
        assertEquals("service name must not be empty", assertThrows(IllegalArgumentException.class, () -> Service.builder("")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Service.builder(null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Service.builder("x".repeat(129))).getMessage()
                .contains("at most 128 characters, but was 129"));
        assertEquals("x".repeat(128), Service.builder("x".repeat(128)).address("a:1").build().name());
    }

    @Test
    void requiresAnAddressWithoutWhitespace() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Service.builder("a").build()).getMessage()
                .contains("address of service 'a' must be set"));
        assertThrows(IllegalArgumentException.class, () -> Service.builder("a").address("1.2.3.4: 80").build());
        assertThrows(IllegalArgumentException.class, () -> Service.builder("a").address(null));
        assertThrows(IllegalArgumentException.class, () -> Service.builder("a").address("a:1").kv("", "v"));
    }

    @Test
    void portIsParsedFromTheAddress() {
        assertEquals(OptionalInt.of(8080), Service.builder("a").address("10.0.0.5:8080").build().port());
        assertEquals(OptionalInt.of(443), Service.builder("a").address("[::1]:443").build().port());
        assertEquals(OptionalInt.of(9), Service.builder("a").address(":9").build().port());
        assertEquals(OptionalInt.empty(), Service.builder("a").address("/var/run/a.sock").build().port());
        assertEquals(OptionalInt.empty(), Service.builder("a").address("host:http").build().port());
        assertEquals(OptionalInt.empty(), Service.builder("a").address("host:70000").build().port());
        assertEquals(OptionalInt.empty(), Service.builder("a").address("::1").build().port());
        assertEquals(OptionalInt.empty(), Service.builder("a").address("fe80::1:8080").build().port());
    }

    @Test
    void addressIsSplitIntoHostAndPortOnce() {
        assertEquals("10.0.0.5", Service.builder("a").address("10.0.0.5:8080").build().addressHost());
        assertEquals("::1", Service.builder("a").address("[::1]:443").build().addressHost());
        assertEquals("", Service.builder("a").address(":9").build().addressHost());
        assertEquals("/var/run/a.sock", Service.builder("a").address("/var/run/a.sock").build().addressHost());
        assertEquals("fe80::1", Service.builder("a").address("fe80::1").build().addressHost());
        assertEquals("vm7", Service.builder("a").address(":9").host("vm7").build().connectHost());
        assertEquals("10.0.0.5", Service.builder("a").address("10.0.0.5:8080").host("vm7").build().connectHost());
    }

    @Test
    void addressIsJoinedFromHostAndPort() {
        assertEquals("10.0.0.5:8080", Service.builder("a").address("10.0.0.5", 8080).build().address());
        assertEquals("[::1]:443", Service.builder("a").address("::1", 443).build().address());
        assertEquals(":9", Service.builder("a").address("", 9).build().address());
        assertThrows(IllegalArgumentException.class, () -> Service.builder("a").address("h", 65_536));
        assertThrows(IllegalArgumentException.class, () -> Service.builder("a").address("h", -1));
        assertThrows(IllegalArgumentException.class, () -> Service.builder("a").address(null, 80));
    }

    @Test
    void isAValueWithSortedImmutableKv() {
        Service one = Service.builder("a").address("h:1").kv("z", "1").kv("b", "2").build();
        Service same = Service.builder("a").address("h:1").kv("b", "2").kv("z", "1").build();

        assertEquals(one, same);
        assertEquals(one.hashCode(), same.hashCode());
        assertEquals(List.of("b", "z"), List.copyOf(one.kv().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> one.kv().put("x", "y"));
        assertSame(one, one.withStatus(Status.PASSING));
        assertNotEquals(one, one.withStatus(Status.WARNING));
        assertEquals(one, one.toBuilder().build());
        assertEquals("Service{a @ h:1, kv={b=2, z=1}, passing}", one.toString());
    }

    @Test
    void aBuilderReusedAfterBuildNeverChangesWhatItBuilt() {
        Service.Builder builder = Service.builder("a").address("h:1").kv("x", "1");
        Service first = builder.build();
        builder.kv("y", "2").endpoint("api", "http", "h", 80);
        Service second = builder.build();
        builder.kv("x", "changed");

        assertEquals(java.util.Map.of("x", "1"), first.kv());
        assertEquals(java.util.Map.of("x", "1", "y", "2", "ep.api", "http://h:80"), second.kv());
        assertEquals(java.util.Map.of(), Service.builder("b").address("h:2").build().kv());
    }

    @Test
    void statusWireNamesMatchGoAndUnknownIsPassing() {
        assertEquals("passing", Status.PASSING.wireName());
        assertEquals(Status.CRITICAL, Status.fromWire("critical"));
        assertEquals(Status.WARNING, Status.fromWire("warning"));
        assertEquals(Status.PASSING, Status.fromWire("maintenance"));
        assertEquals(Status.PASSING, Status.fromWire(null));
    }

    @Test
    void freeAddressesAreOnLoopback() {
        assertTrue(Addresses.freePort() > 0);
        assertTrue(Addresses.freeLocalAddress().matches("127\\.0\\.0\\.1:\\d+"));
    }
}
