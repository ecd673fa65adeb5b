package dev.registry.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registry;
import dev.registry.RegistryClosedException;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.tck.EventRecorder;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The process-wide default registry, and the Go library's defect 5 that it must not have. */
class GlobalRegistryTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    private final String url = "mem://global-" + UUID.randomUUID();
    private final Service job = Service.builder("job").address("127.0.0.1:7000").build();

    @AfterEach
    void closeTheDefault() {
        GlobalRegistry.close();
    }

    @Test
    void theStaticCallsUseTheDefaultRegistry() {
        try (Registry observer = Registry.connect(url)) {
            EventRecorder events = new EventRecorder();
            observer.observe("job", events);
            GlobalRegistry.setDefault(Registry.connect(url));

            GlobalRegistry.register(job);

            events.await(ServiceEvent.Type.REGISTERED, "127.0.0.1:7000");
            assertEquals(job.address(), GlobalRegistry.getService("job").address());
            assertEquals(1, GlobalRegistry.getServices("job").size());
            GlobalRegistry.close();
            events.await(ServiceEvent.Type.UNREGISTERED, "127.0.0.1:7000");
        }
    }

    @Test
    void closingAnotherRegistryLeavesTheDefaultWorking() {
        Registry other = Registry.connect(url);
        GlobalRegistry.setDefault(Registry.connect(url));

        other.close();

        assertTrue(GlobalRegistry.register(job).isRegistered());
    }

    @Test
    void afterCloseRegisterFailsAtOnceInsteadOfBlocking() {
        GlobalRegistry.setDefault(Registry.connect(url));
        GlobalRegistry.close();

        RegistryClosedException failure = assertTimeoutPreemptively(PROMPTLY,
                () -> assertThrows(RegistryClosedException.class, () -> GlobalRegistry.register(job)));

        assertTrue(failure.getMessage().contains("GlobalRegistry.setDefault"), failure.getMessage());
    }

    @Test
    void aDefaultClosedDirectlyAlsoFailsAtOnce() {
        GlobalRegistry.setDefault(Registry.connect(url));
        GlobalRegistry.get().close();

        assertTimeoutPreemptively(PROMPTLY, () -> assertThrows(RegistryClosedException.class, () -> GlobalRegistry.register(job)));
    }

    @Test
    void setDefaultMakesItUsableAgainAfterClose() {
        GlobalRegistry.setDefault(Registry.connect(url));
        GlobalRegistry.close();

        GlobalRegistry.setDefault(Registry.connect(url));

        assertTrue(GlobalRegistry.register(job).isRegistered());
    }
}
