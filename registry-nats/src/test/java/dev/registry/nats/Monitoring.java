package dev.registry.nats;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a nats-server's monitoring endpoint on 127.0.0.1 says about its identity ({@code /varz}) and its routes
 * ({@code /routez}). The JSON is read with patterns: a route of {@code /routez} without {@code ?subs=1} is a
 * flat object, so one needs no JSON library.
 */
final class Monitoring {

    /**
     * One route as {@code /routez} lists it: the peer's server id, whether this server says it dialled the
     * route ({@code did_solicit}), and the far end of the route's connection.
     */
    record Route(String remoteId, boolean solicited, String ip, int port) {
    }

    private static final Pattern FLAT_OBJECT = Pattern.compile("\\{[^{}]*\\}");
    private static final Pattern ROUTES_ARRAY = Pattern.compile("\"routes\"\\s*:\\s*\\[(.*)\\]", Pattern.DOTALL);
    private static final int TIMEOUT_MILLIS = 2_000;

    private final int port;

    /** The monitoring endpoint listening on 127.0.0.1:{@code port}. */
    Monitoring(int port) {
        this.port = port;
    }

    /** The server's id, which its peers name it by in their routes. */
    String serverId() throws IOException {
        return string(get("/varz"), "server_id");
    }

    /**
     * The routes the server has now, each with the far end of its connection: for a route it dialled the
     * address it dialled, for one it accepted the address the peer's connection came from.
     */
    List<Route> routes() throws IOException {
        Matcher array = ROUTES_ARRAY.matcher(get("/routez"));
        List<Route> routes = new ArrayList<>();
        if (!array.find()) {
            return routes; // "routes" is left out while there are none
        }
        Matcher route = FLAT_OBJECT.matcher(array.group(1));
        while (route.find()) {
            String object = route.group();
            routes.add(new Route(string(object, "remote_id"), bool(object, "did_solicit"), string(object, "ip"),
                    Integer.parseInt(scalar(object, "port"))));
        }
        return routes;
    }

    private String get(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                .openConnection();
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    private static String string(String json, String field) {
        return scalar(json, field).replaceAll("^\"|\"$", "");
    }

    private static boolean bool(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(true|false)").matcher(json);
        return matcher.find() && Boolean.parseBoolean(matcher.group(1));
    }

    private static String scalar(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(\"[^\"]*\"|[^,}\\s]+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no \"" + field + "\" in " + json);
        }
        return matcher.group(1);
    }
}
