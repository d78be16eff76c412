package th.ita.app.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import th.ita.analytics.level.NextLevel;
import th.ita.analytics.ranking.PeerGroup;
import th.ita.analytics.summary.SummarizeGroup;
import th.ita.analytics.table.ScoreTable;
import th.ita.analytics.trend.Movers;
import th.ita.analytics.trend.TrendOf;
import th.ita.analytics.weakness.FindWeaknesses;
import io.micronaut.http.HttpResponse;
import th.ita.app.access.AuditLog;
import th.ita.app.access.ScopedData;
import th.ita.app.export.CsvExport;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Indicator;
import th.ita.core.framework.Metric;
import th.ita.core.geography.Geography;
import th.ita.core.geography.Province;
import th.ita.core.organization.Organization;

/**
 * Trends, weaknesses, the next level, province summaries and movers. Definitions are on the use cases:
 * {@link TrendOf}, {@link FindWeaknesses}, {@link NextLevel}, {@link SummarizeGroup}, {@link Movers}.
 */
@Controller("/api/tenants/{tenant}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class AnalyticsController {
    private final ScopedData data;
    private final Geography geography;
    private final AuditLog audit;
    private final AnalyticsSettings settings;

    AnalyticsController(ScopedData data, Geography geography, AuditLog audit, AnalyticsSettings settings) {
        this.data = data;
        this.geography = geography;
        this.audit = audit;
        this.settings = settings;
    }

    private record Subject(ScopedData.Reads reads, Organization organization, ScoreTable table, int index) {
    }

    private Subject subject(Authentication authentication, String tenant, String code) {
        ScopedData.Reads reads = data.of(authentication, tenant);
        Organization organization = reads.organization(code);
        ScoreTable table = reads.table();
        int index = table.indexOf(organization.id()).orElseThrow(() -> ItaException.notFound(organization.fullNameTh() + " has no scores yet"));
        return new Subject(reads, organization, table, index);
    }

    /**
     * The series of a metric over the years: change from the previous year; the least-squares slope in
     * points per year with its standard error, significant when its two-sided p-value is below 0.05 (three
     * years or more); methodology breaks (a year whose rules changed how ITA is measured — a change across
     * one may be the rule, not progress); for the total, the change split by tool (weight × tool change).
     */
    @Get("/organizations/{code}/trend")
    TrendOf.Trend trend(Authentication authentication, @PathVariable String tenant, @PathVariable String code,
                        @QueryValue(defaultValue = "total") String metric) {
        Subject subject = subject(authentication, tenant, code);
        String resolved = resolveAnyYear(subject.table(), metric);
        if (!resolved.equals(Metric.TOTAL)) {
            subject.reads().requireDetail(subject.organization());
        }
        return TrendOf.of(subject.table(), subject.index(), resolved);
    }

    /**
     * Weak indicators and strengths. Weak: below 85 (the national target), the lowest of its tool (when two or
     * more of its indicators are known and not all equal; ties at the bottom are all lowest), more
     * than 5 points below the province median, or falling two years running. Severity HIGH below 85 by
     * more than 15 points or below 85 and falling, MEDIUM below 85, LOW otherwise. Each carries the items
     * that drag it down and the improvement guidance published reports give. Strengths: indicators above 90
     * ("มากกว่า 90": 90.00 is not one); a strength is never a weakness. peerMedian is rounded half up to two decimals.
     */
    @Get("/organizations/{code}/weaknesses")
    FindWeaknesses.Result weaknesses(Authentication authentication, @PathVariable String tenant, @PathVariable String code, int year) {
        Subject subject = subject(authentication, tenant, code);
        subject.reads().requireDetail(subject.organization());
        return weaknessesOf(subject, year);
    }

    private FindWeaknesses.Result weaknessesOf(Subject subject, int year) {
        PeerGroup province = PeerGroup.PROVINCE;
        FindWeaknesses.Peers peers = new FindWeaknesses.Peers(province.key(subject.organization()), province.members(subject.table(), subject.organization()));
        return settings.findWeaknesses().find(subject.table(), subject.index(), year, peers);
    }

    /**
     * The next level: points missing on the total and, where the year's scheme has a condition on every
     * tool, on each tool; and the indicators that raise the total most per point gained (tool weight ÷
     * the tool's number of indicators: 0.06 IIT, 0.10 EIT, 0.20 OIT), those of the tools that block the
     * next level first.
     */
    @Get("/organizations/{code}/next-level")
    NextLevelView nextLevel(Authentication authentication, @PathVariable String tenant, @PathVariable String code, int year) {
        Subject subject = subject(authentication, tenant, code);
        subject.reads().requireDetail(subject.organization());
        return nextLevelOf(subject, year).orElseThrow(() -> ItaException.notFound(subject.organization().fullNameTh() + " has no total in " + year));
    }

    private static Optional<NextLevelView> nextLevelOf(Subject subject, int year) {
        return NextLevel.of(subject.table(), subject.index(), year).map(result -> new NextLevelView(result.year(), result.total(),
                result.current().level().code(), result.current().level().nameTh(), result.current().reasonTh(), result.current().reasonEn(),
                result.next().orElse(null), result.levers()));
    }

    @Serdeable
    record NextLevelView(int year, double total, String level, String levelTh, String reasonTh, String reasonEn,
                         @Nullable NextLevel.Target next, List<NextLevel.Lever> levers) {
    }

    /** What a municipality comes for, in one answer: its rank in the province, trends, weaknesses and the next level. */
    @Get("/organizations/{code}/overview")
    Overview overview(Authentication authentication, @PathVariable String tenant, @PathVariable String code, int year) {
        Subject subject = subject(authentication, tenant, code);
        ScopedData.RankedRow rank = subject.reads().ranking(subject.organization(), year, Metric.TOTAL, PeerGroup.PROVINCE).stream()
                .filter(row -> row.organization().id() == subject.organization().id()).findFirst().orElse(null);
        boolean detail = subject.reads().detailVisible(subject.organization());
        List<TrendOf.Trend> trends = new ArrayList<>();
        trends.add(TrendOf.of(subject.table(), subject.index(), Metric.TOTAL));
        if (detail) {
            for (String tool : List.of("IIT", "EIT", "OIT")) {
                trends.add(TrendOf.of(subject.table(), subject.index(), tool));
            }
        }
        return new Overview(subject.organization().code(), subject.organization().fullNameTh(), year,
                rank == null ? null : new RankSummary(rank.ranked().rank(), rank.ranked().groupSize(), rank.ranked().percentile(),
                        rank.ranked().quartile(), rank.ranked().change(), rank.ranked().tooCloseToCall()),
                trends, detail ? weaknessesOf(subject, year) : null, detail ? nextLevelOf(subject, year).orElse(null) : null);
    }

    @Serdeable
    record RankSummary(int rank, int groupSize, double percentile, int quartile, @Nullable Integer change, boolean tooCloseToCall) {
    }

    /** {@code weaknesses} and {@code nextLevel} are null for a caller who may not see the organization's detail. */
    @Serdeable
    record Overview(String code, String nameTh, int year, @Nullable RankSummary rankInProvince, List<TrendOf.Trend> trends,
                    @Nullable FindWeaknesses.Result weaknesses, @Nullable NextLevelView nextLevel) {
    }

    /**
     * Count, mean, median (Excel MEDIAN), quartiles (Excel QUARTILE.INC), min, max, standard deviation
     * (Excel STDEV.S), share at or above 85 and, on the total, the level distribution of one province.
     */
    @Get("/provinces/{province}/summary")
    SummarizeGroup.Summary provinceSummary(Authentication authentication, @PathVariable String tenant, @PathVariable String province, int year,
                                           @QueryValue(defaultValue = "total") String metric) {
        ScopedData.Reads reads = data.of(authentication, tenant);
        String code = reads.aggregateMetric(year, metric);
        ScoreTable table = reads.table();
        return SummarizeGroup.of(table, year, code, reads.provinceMembers(table, province(province).code()));
    }

    @Serdeable
    record ProvinceSummary(String provinceCode, String provinceTh, String provinceEn, SummarizeGroup.Summary summary) {
    }

    /** Every province the caller may see, side by side, and the whole tenant ("nation") last. */
    @Get("/provinces/summary")
    List<ProvinceSummary> provincesCompared(Authentication authentication, @PathVariable String tenant, int year,
                                            @QueryValue(defaultValue = "total") String metric) {
        ScopedData.Reads reads = data.of(authentication, tenant);
        String code = reads.aggregateMetric(year, metric);
        ScoreTable table = reads.table();
        int[] visible = reads.visibleMembers(table);
        List<ProvinceSummary> summaries = new ArrayList<>();
        for (Province province : geography.provinces()) {
            int[] members = java.util.Arrays.stream(visible).filter(i -> table.organization(i).provinceCode().equals(province.code())).toArray();
            if (members.length > 0) {
                summaries.add(new ProvinceSummary(province.code(), province.nameTh(), province.nameEn(), SummarizeGroup.of(table, year, code, members)));
            }
        }
        summaries.add(new ProvinceSummary("00", "ทั้งหมด", "All", SummarizeGroup.of(table, year, code, visible)));
        return summaries;
    }

    /** The provinces compared, as a CSV download (analysts and tenant admins; audited). */
    @Get("/provinces/summary.csv")
    HttpResponse<byte[]> provincesComparedCsv(Authentication authentication, @PathVariable String tenant, int year,
                                              @QueryValue(defaultValue = "total") String metric) {
        export(authentication, tenant, "province summaries", year + " " + metric);
        List<ProvinceSummary> summaries = provincesCompared(authentication, tenant, year, metric);
        List<List<Object>> rows = new ArrayList<>();
        for (ProvinceSummary p : summaries) {
            SummarizeGroup.Summary s = p.summary();
            rows.add(java.util.Arrays.asList(CsvExport.text(p.provinceCode()), CsvExport.text(p.provinceTh()), CsvExport.text(p.provinceEn()), s.year(),
                    CsvExport.text(s.metric()), s.count(), s.mean(), s.median(), s.firstQuartile(), s.thirdQuartile(), s.min(), s.max(),
                    s.standardDeviation(), s.shareAtLeast85()));
        }
        return CsvExport.of("provinces-" + year + "-" + metric + ".csv", List.of("province_code", "province_th", "province_en", "year", "metric",
                "count", "mean", "median", "q1", "q3", "min", "max", "stdev", "share_at_least_85"), rows);
    }

    @Serdeable
    record IndicatorWeakness(String indicator, String nameTh, String nameEn, int weakCount, int scoredCount, List<String> organizations) {
    }

    /** For each indicator, how many organizations of the province are below the weakness threshold (default 85) in it, and which. */
    @Get("/provinces/{province}/weaknesses")
    List<IndicatorWeakness> provinceWeaknesses(Authentication authentication, @PathVariable String tenant, @PathVariable String province, int year) {
        ScopedData.Reads reads = data.of(authentication, tenant);
        reads.requirePeerDetail();
        ScoreTable table = reads.table();
        int[] members = reads.provinceMembers(table, province(province).code());
        Framework framework = table.framework(year).orElseThrow(() -> ItaException.notFound("no scores in " + year));
        List<IndicatorWeakness> result = new ArrayList<>();
        for (Indicator indicator : framework.indicators()) {
            double[] column = table.column(year, indicator.code()).orElseThrow();
            List<String> weak = new ArrayList<>();
            int scored = 0;
            for (int member : members) {
                if (!Double.isNaN(column[member])) {
                    scored++;
                    if (column[member] < settings.weaknessThreshold()) {
                        weak.add(table.organization(member).code());
                    }
                }
            }
            result.add(new IndicatorWeakness(indicator.code(), indicator.nameTh(), indicator.nameEn(), weak.size(), scored, weak));
        }
        return result;
    }

    @Serdeable
    record Move(String code, String nameTh, String provinceCode, double before, double after, double change) {
    }

    @Serdeable
    record MoversView(int year, String metric, boolean methodologyBreak, List<Move> risers, List<Move> fallers) {
    }

    /** The biggest risers and fallers since the year before, of a province or of every organization the caller may see. */
    @Get("/movers")
    MoversView movers(Authentication authentication, @PathVariable String tenant, int year, @Nullable @QueryValue String province,
                      @QueryValue(defaultValue = "total") String metric, @QueryValue(defaultValue = "10") int limit) {
        ScopedData.Reads reads = data.of(authentication, tenant);
        String code = reads.aggregateMetric(year, metric);
        ScoreTable table = reads.table();
        int[] members = province == null ? reads.visibleMembers(table) : reads.provinceMembers(table, province(province).code());
        Movers.Result result = Movers.of(table, year, code, members, Math.min(Math.max(limit, 1), 100));
        return new MoversView(year, code, result.methodologyBreak(), moves(table, result.risers()), moves(table, result.fallers()));
    }

    /** Risers then fallers as a CSV download (analysts and tenant admins; audited). */
    @Get("/movers.csv")
    HttpResponse<byte[]> moversCsv(Authentication authentication, @PathVariable String tenant, int year, @Nullable @QueryValue String province,
                                   @QueryValue(defaultValue = "total") String metric, @QueryValue(defaultValue = "10") int limit) {
        export(authentication, tenant, "movers", year + " " + metric + (province == null ? "" : " " + province));
        MoversView movers = movers(authentication, tenant, year, province, metric, limit);
        List<List<Object>> rows = new ArrayList<>();
        for (Move m : movers.risers()) {
            rows.add(java.util.Arrays.asList("riser", CsvExport.text(m.code()), CsvExport.text(m.nameTh()), CsvExport.text(m.provinceCode()), m.before(), m.after(), m.change()));
        }
        for (Move m : movers.fallers()) {
            rows.add(java.util.Arrays.asList("faller", CsvExport.text(m.code()), CsvExport.text(m.nameTh()), CsvExport.text(m.provinceCode()), m.before(), m.after(), m.change()));
        }
        return CsvExport.of("movers-" + year + "-" + movers.metric() + ".csv",
                List.of("direction", "code", "name_th", "province_code", "before", "after", "change"), rows);
    }

    /** The province's weaknesses by indicator as a CSV download: one row per weak organization and indicator. */
    @Get("/provinces/{province}/weaknesses.csv")
    HttpResponse<byte[]> provinceWeaknessesCsv(Authentication authentication, @PathVariable String tenant, @PathVariable String province, int year) {
        export(authentication, tenant, "province weaknesses", province + " " + year);
        List<List<Object>> rows = new ArrayList<>();
        for (IndicatorWeakness indicator : provinceWeaknesses(authentication, tenant, province, year)) {
            for (String organization : indicator.organizations()) {
                rows.add(java.util.Arrays.asList(CsvExport.text(indicator.indicator()), CsvExport.text(indicator.nameTh()), CsvExport.text(organization)));
            }
        }
        return CsvExport.of("weaknesses-" + province + "-" + year + ".csv", List.of("indicator", "indicator_th", "organization_code"), rows);
    }

    /** A trend as a CSV download: one row per year. */
    @Get("/organizations/{code}/trend.csv")
    HttpResponse<byte[]> trendCsv(Authentication authentication, @PathVariable String tenant, @PathVariable String code,
                                  @QueryValue(defaultValue = "total") String metric) {
        export(authentication, tenant, "trend of " + code, metric);
        TrendOf.Trend trend = trend(authentication, tenant, code, metric);
        List<List<Object>> rows = new ArrayList<>();
        for (TrendOf.Point point : trend.points()) {
            rows.add(java.util.Arrays.asList(point.year(), CsvExport.text(trend.metric()), point.value(), point.change(), point.methodologyBreak() ? "yes" : "no",
                    CsvExport.text(String.join("; ", point.breakNotes()))));
        }
        return CsvExport.of("trend-" + code + "-" + trend.metric() + ".csv",
                List.of("year", "metric", "value", "change", "methodology_break", "break_notes"), rows);
    }

    private ScopedData.Reads export(Authentication authentication, String tenant, String what, String detail) {
        ScopedData.Reads reads = data.of(authentication, tenant);
        reads.requireExport();
        audit.record(reads.tenant(), reads.caller().username(), "EXPORT", what, detail);
        return reads;
    }

    private static List<Move> moves(ScoreTable table, List<Movers.Move> moves) {
        return moves.stream().map(m -> {
            Organization organization = table.organization(m.organization());
            return new Move(organization.code(), organization.fullNameTh(), organization.provinceCode(), m.before(), m.after(), m.change());
        }).toList();
    }

    private Province province(String province) {
        return geography.province(province).orElseThrow(() -> ItaException.notFound("province '" + province + "' not found"));
    }

    private static String resolveAnyYear(ScoreTable table, String metric) {
        for (int year : table.years()) {
            Optional<Metric> resolved = table.framework(year).flatMap(framework -> framework.resolve(metric));
            if (resolved.isPresent()) {
                return resolved.get().code();
            }
        }
        throw ItaException.invalidInput("'" + metric + "' is not a metric of any year");
    }
}
