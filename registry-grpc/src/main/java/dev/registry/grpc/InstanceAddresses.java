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
                groups.add(new EquivalentAddressGroup(new InetSocketAddress(instance.connectHost(), port.getAsInt()), attributes));
            }
        }
        return groups;
    }
}
