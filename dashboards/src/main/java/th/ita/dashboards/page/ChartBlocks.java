package th.ita.dashboards.page;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import th.ita.core.error.ItaException;
import th.ita.dashboards.port.ChartImages;
import th.ita.dashboards.web.Chrome;
import th.ita.dashboards.web.Numbers;
import th.ita.dashboards.web.Texts;

/**
 * A chart as a page shows it: the platform's image, its alt text, its data as a table beside it, and
 * download links. A chart that cannot be drawn for this person (no data, not theirs to see) says so
 * in place instead of breaking the page.
 */
@Singleton
public class ChartBlocks {
    private final ChartImages charts;

    ChartBlocks(ChartImages charts) {
        this.charts = charts;
    }

    /** One chart on a page; {@code error} is set (and the rest empty) when it cannot be shown. */
    public record ChartBlock(String id, String title, String image, String altText, List<String> header, List<List<String>> rows,
                             String pngDownload, String svgDownload, String csvDownload, String error) {
        public boolean shown() {
            return error == null;
        }
    }

    public ChartBlock block(Authentication authentication, String tenant, Texts t, String id, String title, String kind, Map<String, String> parameters) {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        query.put("lang", t.language());
        String encoded = query.entrySet().stream().map(e -> e.getKey() + "=" + Chrome.encode(e.getValue())).collect(Collectors.joining("&"));
        try {
            ChartImages.Described described = charts.describe(authentication, tenant, kind, query);
            List<List<String>> rows = new ArrayList<>();
            for (List<Object> row : described.rows()) {
                rows.add(row.stream().map(ChartBlocks::cell).toList());
            }
            return new ChartBlock(id, title, "/api/tenants/" + tenant + "/charts/" + kind + "?" + encoded + "&format=png&width=1000&height=620",
                    described.altText(), described.header(), rows, "/charts/" + kind + ".png?" + encoded, "/charts/" + kind + ".svg?" + encoded,
                    "/charts/" + kind + ".csv?" + encoded, null);
        } catch (ItaException e) {
            // The reason in the page's language; a text the catalog does not have is not put inside a Thai sentence.
            String reason = th.ita.dashboards.web.Pages.detail(t, e);
            return new ChartBlock(id, title, null, null, List.of(), List.of(), null, null, null,
                    reason.isBlank() ? t.get("chart.unavailableNoReason") : t.get("chart.unavailable", reason));
        }
    }

    static String cell(Object value) {
        if (value == null) {
            return "–";
        }
        if (value instanceof Double || value instanceof Float) {
            return Numbers.two(((Number) value).doubleValue());
        }
        return value.toString();
    }
}
