package th.ita.storage.clickhouse.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a ClickHouse HTTP port that, when armed, lets an INSERT reach the server and
 * be executed, then cuts the connection instead of passing the answer back: the client sees a failed
 * INSERT that in fact succeeded — the case a retry with a deduplication token must survive.
 */
public final class ResponseDroppingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final AtomicInteger toDrop = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicBoolean open = new AtomicBoolean(true);

    public ResponseDroppingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "response-dropping-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The answers to the next {@code count} INSERTs are lost (after the server executed them). */
    public void dropAnswersToInserts(int count) {
        toDrop.set(count);
    }

    public int dropped() {
        return dropped.get();
    }

    private void accept() {
        while (open.get()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                AtomicBoolean doomed = new AtomicBoolean();
                start(() -> pumpRequests(client, server, doomed));
                start(() -> pumpAnswers(server, client, doomed));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pumpRequests(Socket client, Socket server, AtomicBoolean doomed) {
        byte[] buffer = new byte[64 * 1024];
        String carry = "";
        try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                String text = carry + new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
                String upper = text.toUpperCase(Locale.ROOT);
                if (!doomed.get() && (upper.contains("INSERT INTO") || upper.contains("INSERT+INTO") || upper.contains("INSERT%20INTO"))
                        && toDrop.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                    doomed.set(true);
                }
                carry = text.length() > 32 ? text.substring(text.length() - 32) : text;
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException closed) {
            // Either side went away; the other pump closes too.
        } finally {
            closeQuietly(client, server);
        }
    }

    private void pumpAnswers(Socket server, Socket client, AtomicBoolean doomed) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (doomed.get()) {
                    // The server has answered, so the INSERT ran; the client never learns it.
                    dropped.incrementAndGet();
                    break;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException closed) {
            // Either side went away.
        } finally {
            closeQuietly(client, server);
        }
    }

    private static void start(Runnable pump) {
        Thread thread = new Thread(pump, "response-dropping-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket... sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a closed socket.
            }
        }
    }

    @Override
    public void close() throws IOException {
        open.set(false);
        listener.close();
    }
}
