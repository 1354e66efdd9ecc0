package org.yrd.platform.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection driven byte by byte, so a test controls exactly when the next request goes
 * out on a reused connection (client libraries pool, retry and reconnect behind the test's back).
 */
public final class RawHttpConnection implements AutoCloseable {

    /** A response's status, and whether the server asked to close the connection after it. */
    public record Response(int status, boolean connectionClosed) {
    }

    private final int port;
    private final Duration readTimeout;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int connections;

    private RawHttpConnection(int port, Duration readTimeout) throws IOException {
        this.port = port;
        this.readTimeout = readTimeout;
        connect();
    }

    /** Opens a connection whose reads give up after {@code readTimeout} (a stalled answer fails the test). */
    public static RawHttpConnection open(int port, Duration readTimeout) throws IOException {
        return new RawHttpConnection(port, readTimeout);
    }

    /** How many TCP connections were opened: one, plus one after each response that closed its connection. */
    public int connections() {
        return connections;
    }

    private void connect() throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) readTimeout.toMillis());
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        connections++;
    }

    /**
     * Sends one request on the current connection and reads its whole response; after a {@code Connection: close}
     * the next request goes out on a new connection, as any HTTP/1.1 client does.
     */
    public Response exchange(String method, String path, String authorization, String body) throws IOException {
        if (socket.isClosed()) {
            connect();
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(content);
        out.flush();
        return readResponse();
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(readLine().trim(), 16); size > 0;
                    size = Long.parseLong(readLine().trim(), 16)) {
                skip(size);
                readLine();
            }
            readLine();
        } else if (contentLength > 0) {
            skip(contentLength);
        }
        if (close) {
            socket.close();
        }
        return new Response(status, close);
    }

    private void skip(long bytes) throws IOException {
        for (long left = bytes; left > 0; left--) {
            if (in.read() < 0) {
                throw new IOException("connection closed inside a response body");
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
