package dev.registry.redis;

import dev.registry.tck.BrokerFaultContractTest;
import dev.registry.tck.LocalServer;
import java.time.Duration;

class RedisBrokerFaultTest extends BrokerFaultContractTest {

    @Override
    protected LocalServer startBroker() {
        return RedisServers.standalone();
    }

    @Override
    protected String url(LocalServer broker) {
        return RedisServers.url(broker);
    }

    @Override
    protected Duration reconnectWait() {
        return RedisPubsubProvider.RECONNECT_WAIT;
    }
}
