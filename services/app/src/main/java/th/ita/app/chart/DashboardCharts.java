package th.ita.app.chart;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Map;
import th.ita.app.access.Caller;
import th.ita.core.error.ItaException;
import th.ita.core.message.Message;
import th.ita.dashboards.port.ChartImages;

/** The dashboards' charts: exactly what {@code /api/tenants/{t}/charts/{kind}} answers, through the same controller. */
@Singleton
class DashboardCharts implements ChartImages {
    private final ChartController charts;

    DashboardCharts(ChartController charts) {
        this.charts = charts;
    }

    @Override
    public Described describe(Authentication authentication, String tenant, String kind, Map<String, String> parameters) {
        Object body = call(authentication, tenant, kind, parameters, "json").body();
        if (!(body instanceof ChartController.Described described)) {
            throw ItaException.notFound(Message.of("problem.chart.unknownKind", "kind", kind, "kinds", "ranking, trend, profile, distribution, heatmap, levels"));
        }
        return new Described(described.altText(), described.header(), described.rows());
    }

    @Override
    public Image draw(Authentication authentication, String tenant, String kind, Map<String, String> parameters, String format) {
        HttpResponse<?> response = call(authentication, tenant, kind, parameters, format);
        if (!(response.body() instanceof byte[] bytes)) {
            throw ItaException.notFound(Message.of("problem.chart.unknownKind", "kind", kind, "kinds", "ranking, trend, profile, distribution, heatmap, levels"));
        }
        return new Image(bytes, response.getContentType().map(Object::toString).orElse("application/octet-stream"));
    }

    private HttpResponse<?> call(Authentication authentication, String tenant, String kind, Map<String, String> p, String format) {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElseThrow(() -> new IllegalStateException("no request"));
        return charts.chart(request, Caller.of(authentication), tenant, kind, integer(p.get("year")), p.get("code"), p.get("province"),
                p.getOrDefault("metric", "total"), p.getOrDefault("group", "PROVINCE"), integer(p.getOrDefault("top", "0")),
                p.getOrDefault("metrics", "total"), format, integer(p.getOrDefault("width", "1200")), integer(p.get("height")),
                p.getOrDefault("lang", "th"), p.getOrDefault("digits", "arabic"));
    }

    private static Integer integer(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ItaException.invalidInput(Message.of("problem.invalidField", "field", "parameter", "value", value,
                    "reason", Message.of("validation.wholeNumber")));
        }
    }
}
