package dev.registry.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.registry.Addresses;
import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.Status;
import dev.registry.tck.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GreeterClientTest {

    private final String url = "mem://client-" + UUID.randomUUID();
    private final Registry servers = Registry.connect(url);
    private final Registry clients = Registry.connect(url);
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : cleanup) {
            closeable.close();
        }
        clients.close();
        servers.close();
    }

    @Test
    void aFailedCallIsRetriedOnAnotherInstance() throws IOException {
        // Besides the healthy instance, one refuses connections and one answers HTTP 500: every call that the
        // round robin sends to a broken one must still end on the healthy one.
        GreeterService healthy = greeter("healthy");
        String dead = Addresses.freeLocalAddress(); // nothing listens there: connection refused
        servers.register(Service.builder(GreeterService.NAME).address(dead).url("http://" + dead + "/").build());
        serverAnswering500();
        awaitClientSees(3);

        GreeterClient client = new GreeterClient(clients, GreeterService.NAME, 3);
        List<GreeterClient.Reply> replies = new ArrayList<>();
        for (int call = 0; call < 6; call++) {
            replies.add(client.get("/hello"));
        }

        assertTrue(replies.stream().allMatch(reply -> reply.body().equals("hello from healthy")
                && reply.instance().address().equals(healthy.service().address())), replies.toString());
        assertTrue(replies.stream().anyMatch(reply -> reply.attempts() > 1), "round robin reached the broken ones: " + replies);
        assertTrue(replies.stream().allMatch(reply -> reply.attempts() <= 3), replies.toString());
    }

    @Test
    void instancesThatAreNotPassingAreNotCalled() throws Exception {
        GreeterService drained = greeter("drained");
        GreeterService serving = greeter("serving");
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(drained.service().url() + "maintenance"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        Await.until("the client sees the drained instance as critical", () -> clients.getServices(GreeterService.NAME).stream()
                .anyMatch(instance -> instance.status() == Status.CRITICAL));

        GreeterClient client = new GreeterClient(clients, GreeterService.NAME, 3);
        for (int call = 0; call < 4; call++) {
            GreeterClient.Reply reply = client.get("/hello");
            assertEquals(serving.service().address(), reply.instance().address());
            assertEquals(1, reply.attempts());
        }
    }

    @Test
    void whenNoInstanceAnswersTheErrorNamesEveryInstanceTried() {
        String first = Addresses.freeLocalAddress();
        String second = Addresses.freeLocalAddress();
        servers.register(Service.builder(GreeterService.NAME).address(first).build());
        servers.register(Service.builder(GreeterService.NAME).address(second).build());
        awaitClientSees(2);

        IOException failure = assertThrows(IOException.class, () -> new GreeterClient(clients, GreeterService.NAME, 3).get("/hello"));

        assertTrue(failure.getMessage().startsWith("no instance of 'greeter' answered; tried "), failure.getMessage());
        assertTrue(failure.getMessage().contains(first) && failure.getMessage().contains(second), failure.getMessage());
    }

    @Test
    void withoutAnyInstanceTheErrorSaysSo() {
        IOException failure = assertThrows(IOException.class, () -> new GreeterClient(clients, "nobody", 3).get("/hello"));

        assertEquals("no passing instance of 'nobody' was found", failure.getMessage());
    }

    private GreeterService greeter(String id) {
        GreeterService greeter = GreeterService.start(servers, GreeterService.NAME, id, 0, Duration.ofMinutes(1));
        cleanup.add(greeter);
        return greeter;
    }

    /** An instance that accepts calls and fails them: HTTP 500. */
    private void serverAnswering500() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        cleanup.add(() -> server.stop(0));
        String address = "127.0.0.1:" + server.getAddress().getPort();
        servers.register(Service.builder(GreeterService.NAME).address(address).url("http://" + address + "/").build());
    }

    private void awaitClientSees(int instances) {
        Await.until(instances + " instances in the client's registry",
                () -> clients.getServices(GreeterService.NAME).size() == instances);
    }
}
