package dev.registry.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BrokerSourceTest {

    @Test
    void containersWhenADockerEngineAnswersLocalBinariesOtherwise() {
        assertEquals(BrokerSource.TESTCONTAINERS, BrokerSource.choose(() -> true));
        assertEquals(BrokerSource.LOCAL_BINARIES, BrokerSource.choose(() -> false));
    }

    @Test
    void theChoiceIsPrintedAsOneLine() {
        assertEquals("test brokers: Testcontainers", BrokerSource.TESTCONTAINERS.announcement());
        assertEquals("test brokers: local binaries (no Docker engine)", BrokerSource.LOCAL_BINARIES.announcement());
    }

    @Test
    void aJvmAsksForDockerOnceOnFirstUseAndPrintsItsChoiceOnce() {
        AtomicInteger asked = new AtomicInteger();
        List<String> printed = new ArrayList<>();
        BrokerSource.Choice choice = new BrokerSource.Choice(() -> asked.incrementAndGet() == 1, printed::add);
        assertEquals(0, asked.get(), "nothing asked before a broker is wanted");

        assertEquals(BrokerSource.TESTCONTAINERS, choice.get());
        assertEquals(BrokerSource.TESTCONTAINERS, choice.get(), "the same choice, though Docker would now say no");

        assertEquals(1, asked.get());
        assertEquals(List.of("test brokers: Testcontainers"), printed);
    }
}
