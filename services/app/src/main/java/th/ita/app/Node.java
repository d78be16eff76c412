package th.ita.app;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * This process as one node of the platform: several nodes may share one database behind a load
 * balancer. A node owns the batches it loads and spools its uploads in a directory of its own, so
 * one node's start-up clean-up never touches another's work. {@code id} must be stable across
 * restarts of the same node (its earlier run's unfinished batches are then known to be dead) and
 * different between nodes.
 */
public record Node(String id, Path spoolDirectory) {
    public Node {
        requireNonNull(id, "id is null");
        requireNonNull(spoolDirectory, "spoolDirectory is null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("the node id is blank");
        }
    }

    /**
     * The configured id ({@code ITA_NODE_ID}), else the host name with a short digest of the data
     * directory: two processes on one host with different data directories are different nodes.
     */
    public static Node of(String configuredId, Path dataDirectory) {
        String id = configuredId == null || configuredId.isBlank() ? defaultId(dataDirectory) : configuredId.strip();
        return new Node(id, dataDirectory.resolve("uploads").resolve(id.replaceAll("[^A-Za-z0-9._-]", "_")));
    }

    private static String defaultId(Path dataDirectory) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(dataDirectory.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return host + "-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
