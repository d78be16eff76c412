package th.ita.dashboards.port;

import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Map;

/**
 * The platform's own charts (the ones {@code /api/tenants/{t}/charts/{kind}} serves), for the data table
 * beside each chart and for downloads. The application implements it with the same scope rules.
 */
public interface ChartImages {

    /** A chart's alt text and data. */
    record Described(String altText, List<String> header, List<List<Object>> rows) {
        public Described {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    /** A drawn chart: its bytes and content type. */
    record Image(byte[] bytes, String contentType) {
    }

    /**
     * @param kind ranking, trend, profile, distribution, heatmap or levels
     * @param parameters the query parameters of the chart endpoint (year, code, province, metric, …)
     */
    Described describe(Authentication authentication, String tenant, String kind, Map<String, String> parameters);

    /** @param format png or svg */
    Image draw(Authentication authentication, String tenant, String kind, Map<String, String> parameters, String format);
}
