package th.ita.charts;

/** A drawn chart: its bytes, content type and ETag (a digest of what was drawn: the same data and options, the same tag). */
public record RenderedChart(byte[] bytes, String contentType, String etag) {
    public RenderedChart {
        java.util.Objects.requireNonNull(bytes, "bytes is null");
        java.util.Objects.requireNonNull(contentType, "contentType is null");
        java.util.Objects.requireNonNull(etag, "etag is null");
    }
}
