package th.ita.dashboards.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import th.ita.analytics.summary.SummarizeGroup;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Metric;
import th.ita.core.geography.Province;
import th.ita.core.message.Message;
import th.ita.core.organization.Organization;
import th.ita.core.organization.OrganizationType;
import th.ita.dashboards.export.CsvFile;
import th.ita.dashboards.export.Spreadsheet;
import th.ita.dashboards.port.PeerGroups;
import th.ita.dashboards.port.ScopedScores;
import th.ita.dashboards.web.Numbers;
import th.ita.dashboards.web.PageError;
import th.ita.dashboards.web.Pages;
import th.ita.dashboards.web.Texts;

/**
 * The analyst's workspace: choose organizations, provinces, types, a metric and years, and compare over
 * time — each organization, the median of each province and type, and the nation (every organization the
 * analyst may see); save the organizations as a peer group; export the comparison. Analysts and tenant admins.
 */
@Controller("/analysis")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class AnalysisPage {
    private static final int MAX_ORGANIZATIONS = 50;
    private final Pages pages;
    private final ScopedScores scores;
    private final PeerGroups groups;
    private final Places places;

    AnalysisPage(Pages pages, ScopedScores scores, PeerGroups groups, Places places) {
        this.pages = pages;
        this.scores = scores;
        this.groups = groups;
        this.places = places;
    }

    public record Choice(String value, String label, boolean selected) {
    }

    /** One compared series: a label, what it is, and a value per year (blank when none). */
    public record Series(String label, String kind, List<String> values, List<Double> numbers) {
    }

    public record AnalysisView(String codes, List<Choice> provinces, List<Choice> types, List<Choice> metrics, List<Choice> fromYears,
                               List<Choice> toYears, boolean nation, List<Integer> years, List<Series> series, String metricName,
                               List<PeerGroups.Group> groups, String query, List<String> unknownCodes, String notice) {
    }

    @Serdeable
    record GroupForm(@Nullable String csrfToken, @Nullable String name, @Nullable String codes) {
    }

    /** The request's choices. */
    record Choices(List<String> codes, Set<String> provinces, Set<String> types, String metric, Integer from, Integer to, boolean nation) {
        static Choices of(HttpRequest<?> request) {
            var p = request.getParameters();
            List<String> codes = split(p.getFirst("codes").orElse(""));
            Set<String> provinces = new LinkedHashSet<>(p.getAll("province"));
            Set<String> types = new LinkedHashSet<>(p.getAll("type"));
            return new Choices(codes, provinces, types, p.getFirst("metric").filter(m -> !m.isBlank()).orElse(Metric.TOTAL),
                    p.getFirst("from").filter(v -> v.matches("\\d{4}")).map(Integer::valueOf).orElse(null),
                    p.getFirst("to").filter(v -> v.matches("\\d{4}")).map(Integer::valueOf).orElse(null), p.getFirst("nation").map(v -> v.equals("on")).orElse(false));
        }
    }

    static List<String> split(String codes) {
        return Arrays.stream(codes.split("[,\\s]+")).map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
    }

    private ScopedScores.Reads analyst(Pages.Context context) {
        if (!context.person().analyses()) {
            throw PageError.forbidden("error.analystsOnly");
        }
        return scores.of(context.authentication(), context.tenant());
    }

    @Get
    MutableHttpResponse<?> show(HttpRequest<?> request, @Nullable Authentication authentication) {
        return pages.page(request, authentication, "analysis", context -> view(context, Choices.of(request), noticeOf(context.t(), request)));
    }

    private static String noticeOf(Texts t, HttpRequest<?> request) {
        return request.getParameters().getFirst("saved").filter(v -> v.matches("\\d+")).map(id -> t.get("analysis.saved", id)).orElse(null);
    }

    private AnalysisView view(Pages.Context context, Choices choices, String notice) {
        Texts t = context.t();
        ScopedScores.Reads reads = analyst(context);
        Comparison comparison = compare(t, reads, choices);
        ScoreTable table = reads.table();
        List<Choice> provinces = new ArrayList<>();
        for (Province province : places.geography().provinces()) {
            provinces.add(new Choice(province.code(), t.pick(province.nameTh(), province.nameEn()), choices.provinces().contains(province.code())));
        }
        List<Choice> types = Arrays.stream(OrganizationType.values())
                .map(type -> new Choice(type.name(), t.pick(type.nameTh(), type.nameEn()), choices.types().contains(type.name()))).toList();
        List<Choice> metrics = new ArrayList<>();
        Framework newest = table.years().isEmpty() ? null : table.framework(table.years().get(table.years().size() - 1)).orElse(null);
        if (newest != null) {
            for (Metric metric : newest.metrics()) {
                if (metric.kind() != th.ita.core.framework.MetricKind.ITEM) {
                    metrics.add(new Choice(metric.code(), metric.code() + " " + t.pick(metric.nameTh(), metric.nameEn()), metric.code().equals(choices.metric())));
                }
            }
        }
        List<Choice> from = table.years().stream().map(y -> new Choice(Integer.toString(y), Integer.toString(y), y.equals(comparison.years().get(0)))).toList();
        List<Choice> to = table.years().stream().map(y -> new Choice(Integer.toString(y), Integer.toString(y),
                y.equals(comparison.years().get(comparison.years().size() - 1)))).toList();
        String query = context.request().getUri().getRawQuery();
        return new AnalysisView(String.join(", ", choices.codes()), provinces, types, metrics, from, to, choices.nation(), comparison.years(),
                comparison.series(), comparison.metricName(), groups.list(context.authentication()), query == null ? "" : query,
                comparison.unknown(), notice);
    }

    record Comparison(List<Integer> years, List<Series> series, String metricName, List<String> unknown) {
    }

    private Comparison compare(Texts t, ScopedScores.Reads reads, Choices choices) {
        ScoreTable table = reads.table();
        List<Integer> years = table.years().stream()
                .filter(y -> (choices.from() == null || y >= choices.from()) && (choices.to() == null || y <= choices.to())).toList();
        if (years.isEmpty()) {
            years = table.years();
        }
        if (years.isEmpty()) {
            throw PageError.notFound("error.noScores");
        }
        String metric = choices.metric();
        String metricName = table.framework(years.get(years.size() - 1)).flatMap(f -> f.metric(metric)).map(m -> t.pick(m.nameTh(), m.nameEn())).orElse(metric);
        List<Series> series = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String code : choices.codes().subList(0, Math.min(MAX_ORGANIZATIONS, choices.codes().size()))) {
            Organization organization;
            try {
                organization = reads.organization(code);
            } catch (ItaException e) {
                unknown.add(code);
                continue;
            }
            int index = table.indexOf(organization.id()).orElse(-1);
            List<Double> values = new ArrayList<>();
            for (int year : years) {
                values.add(index < 0 ? null : ProvinceTable.value(table, year, metric, index));
            }
            series.add(series(Places.name(t, organization) + " (" + organization.code() + ")", t.get("analysis.kind.organization"), values));
        }
        for (String province : choices.provinces()) {
            int[] members = reads.provinceMembers(province);
            series.add(series(t.get("analysis.provinceMedian", places.province(t, province)), t.get("analysis.kind.province"), medians(table, years, metric, members)));
        }
        int[] visible = reads.visibleMembers();
        for (String type : choices.types()) {
            OrganizationType organizationType;
            try {
                organizationType = OrganizationType.valueOf(type);
            } catch (IllegalArgumentException e) {
                throw PageError.invalidInput("error.badType", type);
            }
            int[] members = Arrays.stream(visible).filter(i -> table.organization(i).type() == organizationType).toArray();
            series.add(series(t.get("analysis.typeMedian", t.pick(organizationType.nameTh(), organizationType.nameEn())), t.get("analysis.kind.type"),
                    medians(table, years, metric, members)));
        }
        if (choices.nation()) {
            series.add(series(t.get("analysis.nationMedian"), t.get("analysis.kind.nation"), medians(table, years, metric, visible)));
        }
        return new Comparison(years, series, metricName, unknown);
    }

    private static List<Double> medians(ScoreTable table, List<Integer> years, String metric, int[] members) {
        List<Double> values = new ArrayList<>();
        for (int year : years) {
            boolean known = table.framework(year).flatMap(f -> f.metric(metric)).isPresent();
            values.add(known ? SummarizeGroup.of(table, year, metric, members).median() : null);
        }
        return values;
    }

    private static Series series(String label, String kind, List<Double> values) {
        return new Series(label, kind, values.stream().map(Numbers::two).toList(), values);
    }

    /** The comparison as a file: XLSX (series × years, with a notes sheet) or CSV. Audited as an export. */
    @Get("/comparison.{format}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    MutableHttpResponse<?> export(HttpRequest<?> request, Authentication authentication, @io.micronaut.http.annotation.PathVariable String format) {
        Texts t = Texts.of(Pages.language(request));
        th.ita.dashboards.port.Person person = pages.person(authentication);
        if (!person.analyses()) {
            throw PageError.forbidden("error.analystsOnly");
        }
        ScopedScores.Reads reads = scores.of(authentication, person.tenant());
        Choices choices = Choices.of(request);
        Comparison comparison = compare(t, reads, choices);
        reads.exported(Message.of("audit.target.comparison"),
                Message.of("audit.detail.askedSeries", "parameters", choices.metric() + " " + comparison.years(), "series", comparison.series().size()));
        List<String> header = new ArrayList<>(List.of(t.get("analysis.series"), t.get("analysis.kind")));
        comparison.years().forEach(y -> header.add(Integer.toString(y)));
        List<List<Object>> rows = new ArrayList<>();
        for (Series s : comparison.series()) {
            List<Object> row = new ArrayList<>(List.of(s.label(), s.kind()));
            row.addAll(s.numbers());
            rows.add(row);
        }
        String name = "comparison-" + choices.metric().replaceAll("[^A-Za-z0-9]", "");
        byte[] bytes;
        MediaType type;
        if (format.equals("csv")) {
            bytes = CsvFile.write(header, rows);
            type = MediaType.of("text/csv; charset=utf-8");
            name += ".csv";
        } else if (format.equals("xlsx")) {
            List<List<Object>> notes = List.of(List.of(t.get("analysis.metric"), choices.metric() + " " + comparison.metricName()),
                    List.of(t.get("export.notes.source"), t.get("export.notes.sourceText", person.tenant())),
                    List.of(t.get("analysis.median"), t.get("analysis.medianText")),
                    List.of(t.get("export.notes.years"), t.get("export.notes.yearsText")));
            bytes = Spreadsheet.write(List.of(new Spreadsheet.Sheet(t.get("analysis.sheet"), header, rows),
                    new Spreadsheet.Sheet(t.get("export.sheet.notes"), List.of(t.get("export.item"), t.get("export.value")), notes)));
            type = MediaType.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            name += ".xlsx";
        } else {
            throw PageError.invalidInput("error.badFormat", "xlsx, csv", format);
        }
        return HttpResponse.ok(bytes).contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
    }

    @Post(value = "/groups", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<?> request, @Nullable Authentication authentication, @Body GroupForm form) {
        if (authentication != null && !pages.csrfValid(request, form.csrfToken())) {
            return pages.page(request, authentication, "error", context -> {
                throw PageError.forbidden("signin.stale");
            });
        }
        long[] id = new long[1];
        MutableHttpResponse<?> response = pages.page(request, authentication, "error", context -> {
            analyst(context);
            PeerGroups.Group saved = groups.save(context.authentication(), form.name(), split(form.codes() == null ? "" : form.codes()));
            id[0] = saved.id();
            return new Pages.ErrorView(200, "", "");
        });
        if (id[0] > 0) {
            return HttpResponse.seeOther(URI.create("/analysis?codes=" + th.ita.dashboards.web.Chrome.encode(form.codes() == null ? "" : form.codes())
                    + "&saved=" + id[0]));
        }
        return response;
    }

}
