package th.ita.charts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A drawn chart: its bytes, content type and an ETag (a digest of the bytes: equal bytes, equal tag). */
public record RenderedChart(byte[] bytes, String contentType, String etag) {
    static RenderedChart of(byte[] bytes, String contentType) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new RenderedChart(bytes, contentType, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
