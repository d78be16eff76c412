package th.ita.dashboards.export;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import th.ita.analytics.weakness.FindWeaknesses;
import th.ita.core.audit.AuditLabels;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Indicator;
import th.ita.core.framework.LevelRule;
import th.ita.core.framework.Metric;
import th.ita.core.geography.Province;
import th.ita.core.message.Message;
import th.ita.core.organization.Organization;
import th.ita.core.score.OrgYearResult;
import th.ita.dashboards.page.Places;
import th.ita.dashboards.page.ProvinceTable;
import th.ita.dashboards.port.ChartImages;
import th.ita.dashboards.port.ScopedScores;
import th.ita.dashboards.web.PageError;
import th.ita.dashboards.web.Pages;
import th.ita.dashboards.web.Texts;

/**
 * Downloads from the pages: a province's LAO table and an organization's results as XLSX (Thai headers,
 * frozen header row, 0.00, a colour per level, a summary sheet and a notes sheet naming the data source)
 * or CSV, and charts as PNG, SVG or their data as CSV — each with a file name. The same rights as the
 * API's exports (analysts, tenant admins, and province officers within their provinces); each one is
 * written to the audit log.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class Exports {
    private static final MediaType XLSX = MediaType.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = MediaType.of("text/csv; charset=utf-8");
    private final ScopedScores scores;
    private final ChartImages charts;
    private final Places places;
    private final Pages pages;

    Exports(ScopedScores scores, ChartImages charts, Places places, Pages pages) {
        this.scores = scores;
        this.charts = charts;
        this.places = places;
        this.pages = pages;
    }

    static Texts texts(HttpRequest<?> request) {
        return Texts.of(Pages.language(request));
    }

    private ScopedScores.Reads reads(Authentication authentication) {
        return scores.of(authentication, pages.person(authentication).tenant());
    }

    @Get("/exports/provinces/{province}.{format}")
    MutableHttpResponse<?> province(HttpRequest<?> request, Authentication authentication, @PathVariable String province,
                                    @PathVariable String format, @Nullable @QueryValue Integer year) {
        Texts t = texts(request);
        ScopedScores.Reads reads = reads(authentication);
        Province found = places.requireProvince(province);
        int chosen = year == null ? newest(reads) : year;
        ProvinceTable.Table table = ProvinceTable.of(reads, places, t, found.code(), chosen);
        if (!format.equals("csv")) {
            requireXlsx(format);
        }
        reads.exported(Message.of("audit.target.provinceTable", "province", found.code()),
                Message.of("audit.detail.askedRows", "parameters", chosen + " " + format, "rows", table.rows().size()));
        return file(provinceTable(t, reads, found, chosen, table, format));
    }

    /** A file to download: its bytes, type and name. */
    record Download(byte[] bytes, MediaType type, String fileName) {
    }

    /** The LAO table of a province-year as XLSX or CSV (not audited: the caller audits what it gives). */
    Download provinceTable(Texts t, ScopedScores.Reads reads, Province found, int chosen, ProvinceTable.Table table, String format) {
        List<String> header = new ArrayList<>(List.of(t.get("col.rank"), t.get("col.code"), t.get("col.name"), t.get("col.type"), t.get("col.district"),
                t.get("col.total"), t.get("col.level"), t.get("col.reason"), "IIT", "EIT", "OIT"));
        for (Indicator indicator : table.indicators()) {
            header.add(indicator.code() + " " + t.pick(indicator.nameTh(), indicator.nameEn()));
        }
        header.addAll(List.of(t.get("col.lastTotal", chosen - 1), t.get("col.lastLevel"), t.get("col.rankChange")));
        List<List<Object>> rows = new ArrayList<>();
        for (ProvinceTable.Row row : table.rows()) {
            List<Object> cells = new ArrayList<>(List.of(row.rank(), row.organization().code(), row.name(), row.type(), row.district()));
            cells.add(row.total());
            cells.add(level(t, row.level() == null ? null : row.level().level()));
            cells.add(row.masked() || row.level() == null ? null : t.pick(row.level().reasonTh(), row.level().reasonEn()));
            cells.add(row.iit());
            cells.add(row.eit());
            cells.add(row.oit());
            cells.addAll(row.indicators());
            cells.add(row.lastTotal());
            cells.add(level(t, row.lastLevel() == null ? null : row.lastLevel().level()));
            cells.add(row.rankChange());
            rows.add(cells);
        }
        String name = "province-" + found.code() + "-" + chosen;
        if (format.equals("csv")) {
            return new Download(CsvFile.write(header, rows), CSV, name + ".csv");
        }
        List<List<Object>> summary = new ArrayList<>();
        summary.add(List.of(t.get("export.province"), t.pick(found.nameTh(), found.nameEn())));
        summary.add(List.of(t.get("common.year"), chosen));
        summary.add(List.of(t.get("export.count"), table.rows().size()));
        double[] totals = table.rows().stream().mapToDouble(ProvinceTable.Row::total).sorted().toArray();
        if (totals.length > 0) {
            summary.add(List.of(t.get("export.mean"), java.util.Arrays.stream(totals).average().orElse(0)));
            summary.add(List.of(t.get("export.median"), totals.length % 2 == 1 ? totals[totals.length / 2] : (totals[totals.length / 2 - 1] + totals[totals.length / 2]) / 2));
            summary.add(List.of(t.get("export.min"), totals[0]));
            summary.add(List.of(t.get("export.max"), totals[totals.length - 1]));
        }
        ProvinceTable.levelCounts(table, table.rows()).forEach((rule, count) -> summary.add(List.of(level(t, rule), count)));
        return new Download(Spreadsheet.write(List.of(
                new Spreadsheet.Sheet(t.get("export.sheet.table"), header, rows),
                new Spreadsheet.Sheet(t.get("export.sheet.summary"), List.of(t.get("export.item"), t.get("export.value")), summary),
                notes(t, reads, t.get("export.about.province", t.pick(found.nameTh(), found.nameEn()), chosen)))), XLSX, name + ".xlsx");
    }

    @Get("/exports/organizations/{code}.{format}")
    MutableHttpResponse<?> organization(HttpRequest<?> request, Authentication authentication, @PathVariable String code,
                                        @PathVariable String format, @Nullable @QueryValue Integer year) {
        Texts t = texts(request);
        ScopedScores.Reads reads = reads(authentication);
        Organization organization = reads.organization(code);
        if (!format.equals("csv")) {
            requireXlsx(format);
        }
        reads.exportedOf(organization, Message.of("audit.target.organization", "code", code),
                Message.of("audit.detail.asked", "parameters", format + (year == null ? "" : " " + year)));
        return file(organizationResults(t, reads, organization, year, format));
    }

    /** Every year of an organization, its summary and (with its detail) the year's weaknesses, as XLSX or CSV (not audited here). */
    Download organizationResults(Texts t, ScopedScores.Reads reads, Organization organization, @Nullable Integer year, String format) {
        List<ScopedScores.Year> years = reads.years(organization);
        List<String> metrics = new ArrayList<>(List.of(Metric.TOTAL, "IIT", "EIT", "OIT"));
        for (int i = 1; i <= 10; i++) {
            metrics.add("ind" + i);
        }
        List<String> header = new ArrayList<>(List.of(t.get("common.year"), t.get("col.level"), t.get("col.reason")));
        for (String metric : metrics) {
            header.add(metric.equals(Metric.TOTAL) ? t.get("col.total") : metric);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (ScopedScores.Year y : years) {
            OrgYearResult result = y.result();
            List<Object> cells = new ArrayList<>();
            cells.add(result.year());
            cells.add(level(t, result.level().map(l -> l.level()).orElse(null)));
            cells.add(y.masked() ? null : result.level().map(l -> t.pick(l.reasonTh(), l.reasonEn())).orElse(null));
            for (String metric : metrics) {
                cells.add(result.value(metric).map(OrgYearResult.MetricValue::value).orElse(null));
            }
            rows.add(cells);
        }
        String name = "organization-" + organization.code();
        if (format.equals("csv")) {
            return new Download(CsvFile.write(header, rows), CSV, name + ".csv");
        }
        List<Spreadsheet.Sheet> sheets = new ArrayList<>();
        sheets.add(new Spreadsheet.Sheet(t.get("export.sheet.years"), header, rows));
        int chosen = year != null ? year : years.isEmpty() ? 0 : years.get(years.size() - 1).result().year();
        List<List<Object>> summary = new ArrayList<>();
        summary.add(List.of(t.get("col.name"), Places.name(t, organization)));
        summary.add(List.of(t.get("col.code"), organization.code()));
        summary.add(List.of(t.get("export.province"), places.province(t, organization.provinceCode())));
        summary.add(List.of(t.get("col.district"), places.district(t, organization)));
        years.stream().filter(y -> y.result().year() == chosen).findFirst().ifPresent(y -> {
            summary.add(List.of(t.get("common.year"), chosen));
            y.result().value(Metric.TOTAL).ifPresent(v -> summary.add(List.of(t.get("col.total"), v.value())));
            y.result().level().ifPresent(l -> summary.add(List.of(t.get("col.level"), level(t, l.level()))));
        });
        sheets.add(new Spreadsheet.Sheet(t.get("export.sheet.summary"), List.of(t.get("export.item"), t.get("export.value")), summary));
        if (reads.detailVisible(organization) && chosen > 0) {
            FindWeaknesses.Result weaknesses = reads.weaknesses(organization, chosen);
            List<List<Object>> weak = new ArrayList<>();
            for (FindWeaknesses.Weakness w : weaknesses.weaknesses()) {
                weak.add(java.util.Arrays.asList(w.indicator(), t.pick(w.nameTh(), w.nameEn()), w.tool(), w.score(), w.peerMedian(),
                        t.get("severity." + w.severity().name()), String.join("; ", w.reasons().stream().map(r -> t.get("reason." + r.name())).toList()),
                        t.pick(w.guidanceTh(), w.guidanceEn())));
            }
            sheets.add(new Spreadsheet.Sheet(t.get("export.sheet.weaknesses"), List.of(t.get("col.indicator"), t.get("col.name"), t.get("col.tool"),
                    t.get("col.score"), t.get("export.median"), t.get("export.severity"), t.get("province.why"), t.get("org.guidance")), weak));
        }
        sheets.add(notes(t, reads, t.get("export.about.organization", Places.name(t, organization))));
        return new Download(Spreadsheet.write(sheets), XLSX, name + ".xlsx");
    }

    /** A chart as a file: {@code png} or {@code svg} the image, {@code csv} its data. Audited like every export. */
    @Get("/charts/{kind}.{format}")
    MutableHttpResponse<?> chart(HttpRequest<?> request, Authentication authentication, @PathVariable String kind, @PathVariable String format) {
        ScopedScores.Reads reads = reads(authentication);
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                parameters.put(name, values.get(0));
            }
        });
        reads.exported(Message.of("audit.target.chart", "kind", AuditLabels.chartKind(kind)), Message.of("audit.detail.asked", "parameters", format + " " + parameters));
        String name = fileName(kind, parameters);
        String tenant = reads.person().tenant();
        switch (format) {
            case "png", "svg" -> {
                parameters.putIfAbsent("width", "1600");
                parameters.putIfAbsent("height", "1000");
                ChartImages.Image image = charts.draw(authentication, tenant, kind, parameters, format);
                return file(image.bytes(), MediaType.of(image.contentType()), name + "." + format);
            }
            case "csv" -> {
                ChartImages.Described described = charts.describe(authentication, tenant, kind, parameters);
                return file(CsvFile.write(described.header(), described.rows()), CSV, name + ".csv");
            }
            default -> throw PageError.invalidInput("error.badFormat", "png, svg, csv", format);
        }
    }

    private static String fileName(String kind, Map<String, String> parameters) {
        StringBuilder name = new StringBuilder("chart-").append(kind.replaceAll("[^a-z]", ""));
        for (String key : List.of("code", "province", "year", "metric", "metrics")) {
            String value = parameters.get(key);
            if (value != null && !value.isBlank()) {
                name.append('-').append(value.replaceAll("[^A-Za-z0-9]", ""));
            }
        }
        return name.toString();
    }

    private static void requireXlsx(String format) {
        if (!format.equals("xlsx")) {
            throw PageError.invalidInput("error.badFormat", "xlsx, csv", format);
        }
    }

    static int newest(ScopedScores.Reads reads) {
        List<Integer> years = reads.table().years();
        if (years.isEmpty()) {
            throw PageError.notFound("error.noScores");
        }
        return years.get(years.size() - 1);
    }

    private static Object level(Texts t, LevelRule level) {
        return level == null ? null : new Spreadsheet.Level(level.code(), t.pick(level.nameTh(), level.nameEn()));
    }

    /** Notes and the data source: who exported what, when, from which tenant, and how to read the figures. */
    private static Spreadsheet.Sheet notes(Texts t, ScopedScores.Reads reads, String about) {
        String at = ZonedDateTime.now(ZoneId.of("Asia/Bangkok")).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT));
        List<List<Object>> rows = List.of(
                List.of(t.get("export.notes.about"), about),
                List.of(t.get("export.notes.source"), t.get("export.notes.sourceText", reads.person().tenant())),
                List.of(t.get("export.notes.by"), reads.person().displayName() + " (" + reads.person().username() + ")"),
                List.of(t.get("export.notes.at"), at + " (Asia/Bangkok)"),
                List.of(t.get("export.notes.years"), t.get("export.notes.yearsText")),
                List.of(t.get("export.notes.rank"), t.get("export.notes.rankText")),
                List.of(t.get("export.notes.levels"), t.get("export.notes.levelsText")),
                List.of(t.get("export.notes.masked"), t.get("export.notes.maskedText")));
        return new Spreadsheet.Sheet(t.get("export.sheet.notes"), List.of(t.get("export.item"), t.get("export.value")), rows);
    }

    private static MutableHttpResponse<?> file(Download download) {
        return file(download.bytes(), download.type(), download.fileName());
    }

    /** {@code attachment} with the file name in ASCII and, for Thai names, in UTF-8 (RFC 6266). */
    static String disposition(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static MutableHttpResponse<?> file(byte[] bytes, MediaType type, String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return HttpResponse.ok(bytes).contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
