/**
 * A gRPC name resolver for {@code registry:///<name>} targets, found by gRPC's own provider lookup
 * ({@code io.grpc.NameResolverProvider}), and a helper that registers a gRPC server.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.registry.grpc {
    exports dev.registry.grpc;

    requires transitive dev.registry;
    // grpc-api has a stable Automatic-Module-Name; users of this module need its types.
    requires transitive io.grpc;

    provides io.grpc.NameResolverProvider with dev.registry.grpc.RegistryNameResolverProvider;
}
