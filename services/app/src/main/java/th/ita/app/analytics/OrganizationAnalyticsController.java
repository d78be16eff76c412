package th.ita.app.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import th.ita.analytics.level.NextLevel;
import th.ita.analytics.ranking.PeerGroup;
import th.ita.analytics.table.ScoreTable;
import th.ita.analytics.table.TableMetrics;
import th.ita.analytics.trend.TrendOf;
import th.ita.analytics.weakness.FindWeaknesses;
import th.ita.app.access.Caller;
import th.ita.app.access.ScopedData;
import th.ita.app.export.ExportPolicy;
import th.ita.app.analytics.AnalyticsViews.NextLevelView;
import th.ita.app.analytics.AnalyticsViews.OverviewView;
import th.ita.app.analytics.AnalyticsViews.TrendView;
import th.ita.app.analytics.AnalyticsViews.WeaknessesView;
import th.ita.app.export.CsvExport;
import th.ita.app.ranking.RankedOrganizationView;
import th.ita.app.ranking.RankedOrganizations;
import th.ita.app.validation.BuddhistYear;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Metric;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.organization.Organization;

/**
 * What one organization comes for: its trends, weaknesses, the next level, and all of them in one
 * overview. Definitions are on the use cases: {@link TrendOf}, {@link FindWeaknesses}, {@link NextLevel}.
 */
@Controller("/api/tenants/{tenant}/organizations/{code}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class OrganizationAnalyticsController {
    private final ScopedData data;
    private final RankedOrganizations ranked;
    private final ExportPolicy exports;
    private final AnalyticsSettings settings;

    OrganizationAnalyticsController(ScopedData data, RankedOrganizations ranked, ExportPolicy exports, AnalyticsSettings settings) {
        this.data = data;
        this.ranked = ranked;
        this.exports = exports;
        this.settings = settings;
    }

    private record Subject(ScopedData.Reads reads, Organization organization, ScoreTable table, int index) {
    }

    private Subject subject(Caller caller, String tenant, String code) {
        ScopedData.Reads reads = data.of(caller, tenant);
        Organization organization = reads.organization(code);
        ScoreTable table = reads.table();
        int index = table.indexOf(organization.id()).orElseThrow(() -> ItaException.notFound(
                Message.of("problem.organizationHasNoScores", "organization", organization.fullNameTh())));
        return new Subject(reads, organization, table, index);
    }

    /**
     * The series of a metric over the years: change from the previous year; the least-squares slope in
     * points per year with its standard error, significant when its two-sided p-value is below 0.05 (three
     * years or more); methodology breaks (a year whose rules changed how ITA is measured — a change across
     * one may be the rule, not progress), named in the caller's language; for the total, the change split
     * by tool (weight × tool change).
     */
    @Get("/trend")
    TrendView trend(Caller caller, @Nullable Language lang, @PathVariable String tenant, @PathVariable @Size(max = 50) String code,
                    @QueryValue(defaultValue = "total") @NotBlank @Size(max = 100) String metric) {
        Subject subject = subject(caller, tenant, code);
        String resolved = resolveAnyYear(subject.table(), metric);
        subject.reads().requireMetric(subject.organization(), resolved);
        return ViewsOf.trend(TrendOf.of(subject.table(), subject.index(), resolved), subject.table(), lang,
                subject.reads().scope().canSeeToolContributionsOf(subject.organization()));
    }

    /**
     * Weak indicators and strengths. Weak: below 85 (the national target), the lowest of its tool (when two or
     * more of its indicators are known and not all equal; ties at the bottom are all lowest), more
     * than 5 points below the province median, or falling two years running. Severity HIGH below 85 by
     * more than 15 points or below 85 and falling, MEDIUM below 85, LOW otherwise. Each carries the items
     * that drag it down and the improvement guidance published reports give; reasons and severity as codes,
     * and in words in the caller's language. Strengths: indicators above 90
     * ("มากกว่า 90": 90.00 is not one); a strength is never a weakness. peerMedian is rounded half up to two decimals.
     */
    @Get("/weaknesses")
    WeaknessesView weaknesses(Caller caller, @Nullable Language lang, @PathVariable String tenant, @PathVariable @Size(max = 50) String code,
                              @BuddhistYear int year) {
        Subject subject = subject(caller, tenant, code);
        subject.reads().requireDetail(subject.organization());
        return weaknessesView(subject, year, lang);
    }

    private WeaknessesView weaknessesView(Subject subject, int year, Language lang) {
        int[] members = PeerGroup.PROVINCE.members(subject.table(), subject.organization());
        double[] totals = subject.table().column(year, Metric.TOTAL).orElse(null);
        int scored = totals == null ? 0 : (int) Arrays.stream(members).filter(i -> !Double.isNaN(totals[i])).count();
        Message withheld = subject.reads().scope().canSeeStatisticsOfGroup(scored, settings.minimumGroupSize()) ? null
                : Message.of("statistics.withheld", "size", scored, "minimum", settings.minimumGroupSize());
        return ViewsOf.weaknesses(weaknessesOf(subject, year), settings, lang, withheld);
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
    @Get("/next-level")
    NextLevelView nextLevel(Caller caller, @Nullable Language lang, @PathVariable String tenant, @PathVariable @Size(max = 50) String code,
                            @BuddhistYear int year) {
        Subject subject = subject(caller, tenant, code);
        subject.reads().requireDetail(subject.organization());
        return nextLevelOf(subject, year, lang).orElseThrow(() -> ItaException.notFound(
                Message.of("problem.organizationHasNoTotal", "organization", subject.organization().fullNameTh(), "year", year)));
    }

    private static Optional<NextLevelView> nextLevelOf(Subject subject, int year, Language lang) {
        return NextLevel.of(subject.table(), subject.index(), year).map(result -> ViewsOf.nextLevel(result, lang));
    }

    /**
     * What a municipality comes for, in one answer: its rank in the province, the trends of the total and
     * (with the detail) of every tool of the framework, weaknesses and the next level.
     */
    @Get("/overview")
    OverviewView overview(Caller caller, @Nullable Language lang, @PathVariable String tenant, @PathVariable @Size(max = 50) String code,
                          @BuddhistYear int year) {
        Subject subject = subject(caller, tenant, code);
        Organization organization = subject.organization();
        List<RankedOrganizationView> province = ranked.views(subject.reads().ranking(organization, year, Metric.TOTAL, PeerGroup.PROVINCE),
                year, Metric.TOTAL, ranked.groupName(organization, PeerGroup.PROVINCE), lang, subject.table());
        RankedOrganizationView rank = RankedOrganizations.of(province, organization).orElse(null);
        boolean detail = subject.reads().detailVisible(organization);
        List<TrendView> trends = new ArrayList<>();
        trends.add(ViewsOf.trend(TrendOf.of(subject.table(), subject.index(), Metric.TOTAL), subject.table(), lang,
                subject.reads().scope().canSeeToolContributionsOf(organization)));
        if (detail) {
            for (String tool : TableMetrics.toolCodes(subject.table())) {
                trends.add(ViewsOf.trend(TrendOf.of(subject.table(), subject.index(), tool), subject.table(), lang));
            }
        }
        return new OverviewView(organization.code(), organization.fullNameTh(), year, rank, trends,
                detail ? weaknessesView(subject, year, lang) : null,
                detail ? nextLevelOf(subject, year, lang).orElse(null) : null);
    }

    /**
     * A trend as a CSV download: one row per year, headers and yes/no in the caller's language. The organization's own
     * detail: whoever may export, and its own users (audited).
     */
    @Get("/trend.csv")
    HttpResponse<byte[]> trendCsv(Caller caller, @Nullable Language lang, @PathVariable String tenant, @PathVariable @Size(max = 50) String code,
                                  @QueryValue(defaultValue = "total") @NotBlank @Size(max = 100) String metric) {
        ScopedData.Reads reads = data.of(caller, tenant);
        return exports.ofOrganization(reads, reads.organization(code), Message.of("audit.target.trendOf", "code", code), metric, () -> trendFile(caller, lang, tenant, code, metric));
    }

    private HttpResponse<byte[]> trendFile(Caller caller, Language lang, String tenant, String code, String metric) {
        TrendView trend = trend(caller, lang, tenant, code, metric);
        List<List<Object>> rows = new ArrayList<>();
        for (AnalyticsViews.PointView point : trend.points()) {
            rows.add(Arrays.asList(point.year(), CsvExport.text(trend.metric()), point.value(), point.change(),
                    CsvExport.yesNo(point.methodologyBreak(), lang), CsvExport.text(String.join("; ", point.breakNotes()))));
        }
        return CsvExport.of("trend-" + code + "-" + trend.metric() + ".csv", lang,
                List.of("year", "metric", "value", "change", "methodology_break", "break_notes"), rows);
    }

    private static String resolveAnyYear(ScoreTable table, String metric) {
        for (int year : table.years()) {
            Optional<Metric> resolved = table.framework(year).flatMap(framework -> framework.resolve(metric));
            if (resolved.isPresent()) {
                return resolved.get().code();
            }
        }
        throw ItaException.invalidInput(Message.of("problem.unknownMetricAnyYear", "metric", metric));
    }
}
