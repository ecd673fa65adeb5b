package dev.registry.nats;

import dev.registry.tck.BrokerFaultContractTest;
import dev.registry.tck.LocalServer;
import java.time.Duration;

class NatsBrokerFaultTest extends BrokerFaultContractTest {

    @Override
    protected LocalServer startBroker() {
        return NatsServer.start();
    }

    @Override
    protected String url(LocalServer broker) {
        return NatsServer.url(broker);
    }

    @Override
    protected Duration reconnectWait() {
        return Connector.RECONNECT_WAIT;
    }
}
