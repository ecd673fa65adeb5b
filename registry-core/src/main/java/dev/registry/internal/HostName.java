package dev.registry.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This machine's host name as Go's {@code os.Hostname()} reports it (the kernel's name, not a DNS lookup),
 * so that a Java and a Go process on one host agree on {@code h}. Computed once.
 */
public final class HostName {

    private static final Path KERNEL_HOST_NAME = Path.of("/proc/sys/kernel/hostname");

    private HostName() {
    }

    /** The local host name, never empty ({@code localhost} when nothing else is known). */
    public static String local() {
        return Holder.NAME;
    }

    private static String lookup() {
        try {
            if (Files.isReadable(KERNEL_HOST_NAME)) {
                String name = Files.readString(KERNEL_HOST_NAME, StandardCharsets.UTF_8).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            }
        } catch (IOException unreadable) {
            // fall through to the resolver
        }
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException unresolvable) {
            return "localhost";
        }
    }

    private static final class Holder {
        static final String NAME = lookup();
    }
}
