package dev.registry.grpc;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.Status;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link RegistryNameResolverProvider} whose resolvers also tell {@code onAddresses} each address list at the
 * moment they hand it to the channel, so a test can time when the channel learned of a change.
 */
final class TimedResolverProvider extends NameResolverProvider {

    private final RegistryNameResolverProvider delegate;
    private final Consumer<List<EquivalentAddressGroup>> onAddresses;

    TimedResolverProvider(RegistryNameResolverProvider delegate, Consumer<List<EquivalentAddressGroup>> onAddresses) {
        this.delegate = delegate;
        this.onAddresses = onAddresses;
    }

    @Override
    public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
        NameResolver resolver = delegate.newNameResolver(targetUri, args);
        return resolver == null ? null : new NameResolver() {
            @Override
            public String getServiceAuthority() {
                return resolver.getServiceAuthority();
            }

            @Override
            public void start(Listener2 listener) {
                resolver.start(new Listener2() {
                    @Override
                    public void onResult(ResolutionResult result) {
                        listener.onResult(result);
                    }

                    @Override
                    public Status onResult2(ResolutionResult result) {
                        if (result.getAddressesOrError().hasValue()) {
                            onAddresses.accept(result.getAddressesOrError().getValue());
                        }
                        return listener.onResult2(result);
                    }

                    @Override
                    public void onError(Status error) {
                        listener.onError(error);
                    }
                });
            }

            @Override
            public void refresh() {
                resolver.refresh();
            }

            @Override
            public void shutdown() {
                resolver.shutdown();
            }
        };
    }

    @Override
    public String getDefaultScheme() {
        return delegate.getDefaultScheme();
    }

    @Override
    protected boolean isAvailable() {
        return true;
    }

    @Override
    protected int priority() {
        return 5;
    }

    @Override
    public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
        return delegate.getProducedSocketAddressTypes();
    }
}
