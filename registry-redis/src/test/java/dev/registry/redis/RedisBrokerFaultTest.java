package dev.registry.redis;

import dev.registry.testkit.BrokerFaultContractTest;
import dev.registry.testkit.LocalServer;
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
