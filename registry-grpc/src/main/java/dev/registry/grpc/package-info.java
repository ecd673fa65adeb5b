/**
 * gRPC-java integration: {@link dev.registry.grpc.RegistryNameResolverProvider} resolves {@code registry:///name}
 * targets from the registry and pushes every change of the instances to the channel;
 * {@link dev.registry.grpc.GrpcServerRegistration} registers a running {@link io.grpc.Server} under a name.
 */
package dev.registry.grpc;
