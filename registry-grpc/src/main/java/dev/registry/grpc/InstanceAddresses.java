package dev.registry.grpc;

import dev.registry.Service;
import io.grpc.Attributes;
import io.grpc.EquivalentAddressGroup;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Turns registry instances into gRPC address groups: one group per instance, its socket address from the
 * instance's {@code host:port} address (the instance's host when the address has none, as in {@code :8080}), its
 * {@code kv} under {@link RegistryNameResolverProvider#KV}. An instance without a numeric port (a unix socket)
 * cannot be dialled over TCP and is left out. Host names are resolved here, IP literals without a lookup.
 */
final class InstanceAddresses {

    private InstanceAddresses() {
    }

    static List<EquivalentAddressGroup> of(List<Service> instances) {
        List<EquivalentAddressGroup> groups = new ArrayList<>(instances.size());
        for (Service instance : instances) {
            OptionalInt port = instance.port();
            if (port.isPresent()) {
                Attributes attributes = Attributes.newBuilder().set(RegistryNameResolverProvider.KV, instance.kv()).build();
                groups.add(new EquivalentAddressGroup(new InetSocketAddress(host(instance), port.getAsInt()), attributes));
            }
        }
        return groups;
    }

    /** The host part of {@code host:port} or {@code [v6]:port}, or the instance's host when it is empty. */
    static String host(Service instance) {
        String address = instance.address();
        String host = address.substring(0, address.lastIndexOf(':'));
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.isEmpty() ? instance.host() : host;
    }
}
