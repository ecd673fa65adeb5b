package dev.registry.nats;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * A NATS client in a few lines of the text protocol over a plain socket, to see and write the bytes that
 * travel: what nats.go would receive from this library, and what it would send. Subjects are byte arrays here,
 * never strings, so that no Java decoding stands between the test and the wire. Not thread-safe.
 */
final class RawNatsClient implements AutoCloseable {

    private static final byte[] CRLF = {'\r', '\n'};

    /** A {@code MSG} the server delivered: the subject and payload exactly as they came. */
    record RawMessage(byte[] subject, byte[] payload) {
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawNatsClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to a nats-server on 127.0.0.1:{@code port} and says {@code CONNECT {"verbose":false}}, as a
     * minimal client does; every later read waits at most {@code readTimeout}.
     */
    static RawNatsClient connect(int port, Duration readTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) readTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            RawNatsClient client = new RawNatsClient(socket);
            client.expectLineStartingWith("INFO ");
            client.write(ascii("CONNECT {\"verbose\":false}\r\n"));
            return client;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * {@code SUB <subject> <sid>} then {@code PING}, returning at the {@code PONG}: the server has the
     * subscription.
     */
    void subscribe(byte[] subject, int sid) throws IOException {
        write(concat(ascii("SUB "), subject, ascii(" " + sid + "\r\nPING\r\n")));
        expectLineStartingWith("PONG");
    }

    /** {@code PUB <subject> <length>} with {@code payload}, then {@code PING}, returning at the {@code PONG}. */
    void publish(byte[] subject, byte[] payload) throws IOException {
        write(concat(ascii("PUB "), subject, ascii(" " + payload.length + "\r\n"), payload, ascii("\r\nPING\r\n")));
        expectLineStartingWith("PONG");
    }

    /**
     * The next {@code MSG}, answering the server's {@code PING}s on the way.
     *
     * @throws SocketTimeoutException if none came within the read timeout
     */
    RawMessage nextMessage() throws IOException {
        while (true) {
            byte[] line = readLine();
            if (startsWith(line, "PING")) {
                write(ascii("PONG\r\n"));
            } else if (startsWith(line, "MSG ")) {
                // MSG <subject> <sid> [reply-to] <#bytes>: the subject ends at the first space, which UTF-8 never
                // contains inside a multi-byte character
                int subjectEnd = indexOf(line, (byte) ' ', 4);
                int lengthStart = lastIndexOf(line, (byte) ' ') + 1;
                int length = Integer.parseInt(new String(line, lengthStart, line.length - lengthStart,
                        StandardCharsets.US_ASCII));
                byte[] payload = in.readNBytes(length);
                expect(Arrays.equals(readLine(), new byte[0]), "CRLF after the payload");
                return new RawMessage(Arrays.copyOfRange(line, 4, subjectEnd), payload);
            } else if (startsWith(line, "-ERR")) {
                throw new IOException("server error: " + new String(line, StandardCharsets.UTF_8));
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void expectLineStartingWith(String prefix) throws IOException {
        while (true) {
            byte[] line = readLine();
            if (startsWith(line, prefix)) {
                return;
            }
            if (startsWith(line, "PING")) {
                write(ascii("PONG\r\n"));
            } else if (startsWith(line, "-ERR")) {
                throw new IOException("server error while waiting for " + prefix + ": "
                        + new String(line, StandardCharsets.UTF_8));
            }
            // anything else (a MSG of an earlier subscription) is not what this wait is about
        }
    }

    /** The next line's bytes, without its CRLF. */
    private byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection");
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return Arrays.copyOf(bytes, bytes.length - 1);
            }
            line.write(b);
            previous = b;
        }
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static boolean startsWith(byte[] line, String prefix) {
        byte[] expected = ascii(prefix);
        return line.length >= expected.length && Arrays.equals(line, 0, expected.length, expected, 0, expected.length);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new IllegalStateException("no '" + (char) wanted + "' in " + new String(bytes, StandardCharsets.UTF_8));
    }

    private static int lastIndexOf(byte[] bytes, byte wanted) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new IllegalStateException("no '" + (char) wanted + "' in " + new String(bytes, StandardCharsets.UTF_8));
    }

    private static void expect(boolean condition, String what) throws IOException {
        if (!condition) {
            throw new IOException("protocol error: expected " + what);
        }
    }
}
