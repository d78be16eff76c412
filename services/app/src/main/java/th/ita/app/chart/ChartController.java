package th.ita.app.chart;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import th.ita.analytics.ranking.PeerGroup;
import th.ita.app.access.Caller;
import th.ita.app.access.ScopedData;
import th.ita.app.message.RequestLanguage;
import th.ita.app.export.CsvExport;
import th.ita.app.export.ExportPolicy;
import th.ita.charts.ChartData;
import th.ita.charts.ChartOptions;
import th.ita.charts.DrawCharts;
import th.ita.charts.RenderPool;
import th.ita.charts.RenderedChart;
import th.ita.core.audit.AuditLabels;
import th.ita.core.error.ItaException;
import th.ita.core.geography.Province;
import th.ita.core.message.Message;
import th.ita.core.organization.Organization;

/**
 * Comparison charts drawn on the server (JFreeChart), in Thai by default: ranking, trend, profile,
 * distribution, heatmap and levels. {@code format} png or svg gives the image (with an ETag: the same
 * request on the same data gives the same bytes); json gives the alt text and the chart's data; csv the data.
 */
@Controller("/api/tenants/{tenant}/charts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ChartController {
    private final ScopedData data;
    private final ChartBuilder builder;
    private final th.ita.core.geography.Geography geography;
    private final RenderPool pool;
    private final ExportPolicy exports;

    ChartController(ScopedData data, ChartBuilder builder, th.ita.core.geography.Geography geography, RenderPool pool, ExportPolicy exports) {
        this.data = data;
        this.builder = builder;
        this.geography = geography;
        this.pool = pool;
        this.exports = exports;
        DrawCharts.warmUp();
    }

    /**
     * A chart's alt text and data, for accessibility and reuse. The rows are an export: to a caller the export
     * policy refuses them, the alt text comes alone and {@code rowsWithheld} says so.
     */
    @Serdeable
    record Described(String altText, List<String> header, List<List<Object>> rows, boolean rowsWithheld) {
    }

    /**
     * One chart. kind: ranking (code, year, metric, group, top = keep the top and bottom N), trend (code,
     * metrics = total|tools|indicators), profile (code, year), distribution (province, year, code for the
     * point; or province=provinces for one box per province on metric), heatmap (province, year, code to
     * name), levels (year → per province; province → per year).
     * Sizes 200–4000 × 200–6000 (no height: what the chart needs to name every row); lang th|en (else Accept-Language);
     * digits arabic|thai; format png|svg|json|csv. The ETag is computed from the chart's data before
     * anything is drawn: an unchanged chart answers 304 without drawing.
     */
    @Get("/{kind}")
    HttpResponse<?> chart(HttpRequest<?> request, Caller caller, @PathVariable String tenant, @PathVariable String kind,
                          @Nullable @QueryValue Integer year, @Nullable @QueryValue String code, @Nullable @QueryValue String province,
                          @QueryValue(defaultValue = "total") String metric, @QueryValue(defaultValue = "PROVINCE") String group,
                          @QueryValue(defaultValue = "0") int top, @QueryValue(defaultValue = "total") String metrics,
                          @QueryValue(defaultValue = "png") String format, @QueryValue(defaultValue = "1200") int width,
                          @Nullable @QueryValue Integer height, @Nullable @QueryValue String lang,
                          @QueryValue(defaultValue = "arabic") String digits) {
        ScopedData.Reads reads = data.of(caller, tenant);
        String output = format.strip().toLowerCase(Locale.ROOT);
        // Images are admitted before any of their work: a refused request costs only its refusal.
        RenderPool.Admission admission = output.equals("png") || output.equals("svg") ? pool.admit() : null;
        try {
            // lang th|en, else the caller's Accept-Language (Thai by default), as every other answer.
            ChartOptions.Language language = lang == null || lang.isBlank()
                    ? RequestLanguage.of(request) == th.ita.core.message.Language.EN ? ChartOptions.Language.EN : ChartOptions.Language.TH
                    : parse(ChartOptions.Language.class, lang, "lang");
            ChartOptions.Digits digitSet = parse(ChartOptions.Digits.class, digits, "digits");
            // The size is checked before any data is read, so a bad size is a 400 for every format.
            new ChartOptions(width, height == null ? ChartOptions.MIN_SIZE : height, ChartOptions.Format.PNG, language, digitSet);
            Organization organization = code == null ? null : builder.organization(reads, code);
            ChartData chart = switch (kind) {
                case "ranking" -> builder.ranking(reads, required(organization, "code"), required(year, "year"), metric,
                        parse(PeerGroup.class, group, "group"), Math.max(0, Math.min(top, 500)));
                case "trend" -> builder.trend(reads, required(organization, "code"), metrics.strip().toLowerCase(Locale.ROOT));
                case "profile" -> builder.profile(reads, required(organization, "code"), required(year, "year"));
                case "distribution" -> province == null && organization == null || "provinces".equalsIgnoreCase(province)
                        ? builder.provincesSideBySide(reads, required(year, "year"), metric, organization)
                        : builder.distribution(reads, provinceCode(province, organization), required(year, "year"), organization);
                case "heatmap" -> builder.heatmap(reads, provinceCode(province, organization), required(year, "year"), organization);
                case "levels" -> builder.levels(reads, year, province == null ? null : provinceCode(province, null));
                default -> throw ItaException.notFound(Message.of("problem.chart.unknownKind", "kind", kind,
                        "kinds", "ranking, trend, profile, distribution, heatmap, levels"));
            };
            // What the audit records of a data export (described only for one): the chart's own parameters (the web UI asks in-process, from a page's request).
            java.util.function.Supplier<String> parameters = () -> described(Map.of("year", year == null ? "" : year, "code", code == null ? "" : code, "province", province == null ? "" : province,
                    "metric", metric, "group", group, "top", top, "metrics", metrics, "lang", language.name().toLowerCase(Locale.ROOT)));
            ChartOptions options = new ChartOptions(width, height == null ? DrawCharts.preferredHeight(chart, width) : height,
                    output.equals("svg") ? ChartOptions.Format.SVG : ChartOptions.Format.PNG, language, digitSet);
            switch (output) {
                case "json":
                    if (!mayExportData(reads, kind, organization)) {
                        return HttpResponse.ok(new Described(chart.altText(options), chart.header(), List.of(), true));
                    }
                    return exportData(reads, kind, organization, parameters, () -> HttpResponse.ok(new Described(chart.altText(options), chart.header(), chart.rows(), false)),
                            chart.rows().size());
                case "csv":
                    // Headers and yes/no in the caller's language, as every CSV download (?lang=en: the stable column names).
                    th.ita.core.message.Language reader = language == ChartOptions.Language.EN ? th.ita.core.message.Language.EN : th.ita.core.message.Language.TH;
                    return exportData(reads, kind, organization, parameters, () -> CsvExport.of(kind + ".csv", reader, chart.header(), chart.rows().stream()
                            .map(row -> row.stream().map(cell -> cell instanceof String text ? (Object) CsvExport.text(text)
                                    : cell instanceof Boolean yes ? (Object) CsvExport.yesNo(yes, reader) : cell).toList()).toList()),
                            chart.rows().size());
                case "png":
                case "svg":
                    DrawCharts draw = pool.today();
                    String etag = draw.etag(chart, options);
                    if (matches(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), etag)) {
                        return HttpResponse.status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag)
                                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300").header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
                    }
                    // The ETag computed above keys the render cache: a repeated request costs neither a drawing nor a second digest.
                    if (pool.cached(etag).isPresent()) {
                        request.setAttribute(ChartRateLimit.DREW_NOTHING, Boolean.TRUE);
                    }
                    RenderedChart rendered = pool.render(etag, () -> draw.draw(chart, options, etag));
                    return HttpResponse.ok(rendered.bytes()).contentType(MediaType.of(rendered.contentType()))
                            .header(HttpHeaders.ETAG, rendered.etag()).header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
                default:
                    throw ItaException.invalidInput(Message.of("problem.invalidField", "field", "format", "value", format,
                            "reason", Message.of("validation.oneOf", "values", "png, svg, json, csv")));
            }
        } finally {
            if (admission != null) {
                admission.close();
            }
        }
    }

    /**
     * A chart's data is an export: the trend and profile of one organization are its own detail (its users may take
     * them); every other chart's rows span several organizations (see {@link ExportPolicy}).
     */
    private static boolean ownDetail(String kind, Organization organization) {
        return organization != null && (kind.equals("trend") || kind.equals("profile"));
    }

    private static boolean mayExportData(ScopedData.Reads reads, String kind, Organization organization) {
        return ownDetail(kind, organization) ? reads.caller().scope().canExportDetailOf(organization) : reads.caller().scope().canExport();
    }

    private <T> T exportData(ScopedData.Reads reads, String kind, Organization organization, java.util.function.Supplier<String> parameters,
                             java.util.function.Supplier<T> produce,
                             int rows) {
        Message target = organization == null ? Message.of("audit.target.chartData", "kind", AuditLabels.chartKind(kind))
                : Message.of("audit.target.chartDataOf", "kind", AuditLabels.chartKind(kind), "code", organization.code());
        Message held = Message.of("audit.outcome.rows", "rows", rows);
        return ownDetail(kind, organization)
                ? exports.ofOrganization(reads, organization, target, parameters.get(), produce, result -> held)
                : exports.ofGroup(reads, target, parameters.get(), produce, result -> held);
    }

    /** The given parameters that have a value, by name: {@code code=5713001&lang=th&metric=total&year=2568}. */
    static String described(Map<String, Object> parameters) {
        return new java.util.TreeMap<>(parameters).entrySet().stream().filter(e -> !String.valueOf(e.getValue()).isBlank())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining("&"));
    }

    /** If-None-Match: "*" or a list of tags (weak ones compared by their opaque part). */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(etag) || candidate.startsWith("W/") && candidate.substring(2).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private String provinceCode(String province, Organization organization) {
        if (province != null) {
            return geography.province(province).map(Province::code).orElseThrow(() -> ItaException.notFound(
                    Message.of("problem.provinceNotFound", "province", province)));
        }
        if (organization != null) {
            return organization.provinceCode();
        }
        throw ItaException.invalidInput(Message.of("problem.chart.needsProvince"));
    }

    private static <T> T required(T value, String name) {
        if (value == null) {
            throw ItaException.invalidInput(Message.of("problem.chart.required", "name", name));
        }
        return value;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String name) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String values = java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(java.util.stream.Collectors.joining(", "));
            throw ItaException.invalidInput(Message.of("problem.invalidField", "field", name, "value", value,
                    "reason", Message.of("validation.oneOf", "values", values)));
        }
    }
}
