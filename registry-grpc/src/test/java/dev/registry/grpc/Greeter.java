package dev.registry.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The tests' gRPC service, defined without protoc: one unary method whose messages are UTF-8 strings. */
final class Greeter {

    static final MethodDescriptor.Marshaller<String> UTF8 = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(String value) {
            return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String parse(InputStream stream) {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    /** {@code greeter.Greeter/Hello}: answers the id of the server that handled the call. */
    static final MethodDescriptor<String, String> HELLO = MethodDescriptor.newBuilder(UTF8, UTF8)
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName("greeter.Greeter", "Hello"))
            .build();

    private Greeter() {
    }

    /** The service of a server called {@code id}; {@code onCall} runs for each call before it is answered. */
    static ServerServiceDefinition service(String id, Runnable onCall) {
        return ServerServiceDefinition.builder("greeter.Greeter")
                .addMethod(HELLO, ServerCalls.asyncUnaryCall((request, response) -> {
                    onCall.run();
                    response.onNext(id);
                    response.onCompleted();
                }))
                .build();
    }

    /** One call through {@code channel}: the id of the server that answered. Fails fast while nothing is resolved. */
    static String hello(Channel channel) {
        return ClientCalls.blockingUnaryCall(channel, HELLO, CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS), "hi");
    }
}
