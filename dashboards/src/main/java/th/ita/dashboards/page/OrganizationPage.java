package th.ita.dashboards.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import th.ita.analytics.level.NextLevel;
import th.ita.analytics.ranking.PeerGroup;
import th.ita.analytics.trend.TrendOf;
import th.ita.analytics.weakness.FindWeaknesses;
import th.ita.core.error.ItaException;
import th.ita.core.framework.LevelAssessment;
import th.ita.core.framework.Metric;
import th.ita.core.organization.Organization;
import th.ita.dashboards.page.ChartBlocks.ChartBlock;
import th.ita.dashboards.port.ScopedScores;
import th.ita.dashboards.web.Numbers;
import th.ita.dashboards.web.PageError;
import th.ita.dashboards.web.Pages;
import th.ita.dashboards.web.Texts;

/**
 * A municipality's page: its rank in the province ("ลำดับที่ 50 จาก 143 อปท. ในจังหวัดเชียงราย"), total
 * and level with the reason, the indicator profile against the province, trends since 2561 with
 * methodology breaks, weaknesses with the items that drag them and guidance, strengths and the points
 * to the next level. Of a peer, an organization user sees the rank, total and level only.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class OrganizationPage {
    private final Pages pages;
    private final ScopedScores scores;
    private final Places places;
    private final ChartBlocks charts;

    OrganizationPage(Pages pages, ScopedScores scores, Places places, ChartBlocks charts) {
        this.pages = pages;
        this.scores = scores;
        this.places = places;
        this.charts = charts;
    }

    public record RankCard(String text, int rank, int groupSize, String percentile, int quartile, String change, boolean tooCloseToCall) {
    }

    public record TrendRow(int year, String total, String change, String iit, String eit, String oit, String level, String levelCode,
                           boolean methodologyBreak, String breakNotes) {
    }

    public record WeaknessRow(String indicator, String name, String tool, String score, String peerMedian, String severity, String severityCode,
                              List<String> reasons, List<String> draggingItems, String guidance) {
    }

    public record StrengthRow(String indicator, String name, String score) {
    }

    public record ToolGapRow(String tool, String score, String needed) {
    }

    public record LeverRow(String name, String tool, String score, String totalPerPoint, String headroom) {
    }

    public record NextLevelView(String target, String pointsOnTotal, List<ToolGapRow> tools, List<LeverRow> levers, boolean best) {
    }

    public record OrganizationView(String tenant, String code, String name, String type, String district, String province, String provinceCode,
                                   int year, List<Integer> years, boolean detail, RankCard rank, String total, String levelName, String levelCode,
                                   String levelReason, boolean downgraded, List<TrendRow> trend, ChartBlock trendChart, ChartBlock profileChart,
                                   List<WeaknessRow> weaknesses, List<StrengthRow> strengths, NextLevelView nextLevel, boolean canExport,
                                   boolean provinceVisible, boolean canExportDetail) {
        /** Whether the year has a total, so that its analysis report can be drafted. */
        public boolean hasTotal() {
            return !total.equals("–");
        }
    }

    @Get("/organizations/{code}")
    MutableHttpResponse<?> show(HttpRequest<?> request, @Nullable Authentication authentication, @PathVariable String code,
                                @Nullable @QueryValue Integer year) {
        return pages.page(request, authentication, "organization", context -> view(context, code, year));
    }

    private OrganizationView view(Pages.Context context, String code, Integer requestedYear) {
        Texts t = context.t();
        ScopedScores.Reads reads = scores.of(context.authentication(), context.tenant());
        Organization organization = reads.organization(code);
        List<ScopedScores.Year> years = reads.years(organization);
        if (years.isEmpty()) {
            throw PageError.notFound("error.organizationNoScores", organization.fullNameTh());
        }
        List<Integer> yearList = years.stream().map(y -> y.result().year()).toList();
        int year = requestedYear == null ? yearList.get(yearList.size() - 1) : requestedYear;
        ScopedScores.Year selected = years.stream().filter(y -> y.result().year() == year).findFirst()
                .orElseThrow(() -> PageError.notFound("error.organizationNoScoresIn", organization.fullNameTh(), year));
        boolean detail = reads.detailVisible(organization);
        String province = places.province(t, organization.provinceCode());

        RankCard rank = reads.ranking(organization, year, Metric.TOTAL, PeerGroup.PROVINCE).stream()
                .filter(row -> row.organization().id() == organization.id()).findFirst()
                .map(row -> new RankCard(t.get("org.rankCard", row.ranked().rank(), row.ranked().groupSize(), province), row.ranked().rank(),
                        row.ranked().groupSize(), Numbers.two(row.ranked().percentile()), row.ranked().quartile(), Numbers.rankChange(row.ranked().change()),
                        row.ranked().tooCloseToCall()))
                .orElse(null);

        Optional<LevelAssessment> level = selected.result().level();
        String total = selected.result().value(Metric.TOTAL).map(v -> Numbers.two(v.value())).orElse("–");

        List<TrendRow> trend = new ArrayList<>();
        TrendOf.Trend totals = reads.trend(organization, Metric.TOTAL);
        for (TrendOf.Point point : totals.points()) {
            ScopedScores.Year y = years.stream().filter(candidate -> candidate.result().year() == point.year()).findFirst().orElse(null);
            trend.add(new TrendRow(point.year(), Numbers.two(point.value()), Numbers.signed(point.change()),
                    y == null || y.masked() ? "" : value(y, "IIT"), y == null || y.masked() ? "" : value(y, "EIT"), y == null || y.masked() ? "" : value(y, "OIT"),
                    y == null ? "" : y.result().level().map(l -> t.pick(l.level().nameTh(), l.level().nameEn())).orElse(""),
                    y == null ? "" : y.result().level().map(l -> l.level().code()).orElse(""),
                    point.methodologyBreak(), point.methodologyBreak() && y != null
                            ? String.join("; ", y.methodologyChanges().stream().map(c -> t.pick(c.th(), c.en())).toList()) : ""));
        }
        String tenant = context.tenant();
        ChartBlock trendChart = charts.block(context.authentication(), tenant, t, "trend-chart", t.get("org.trendChart"), "trend",
                Map.of("code", organization.code(), "metrics", detail ? "tools" : "total"));
        ChartBlock profileChart = null;
        List<WeaknessRow> weaknesses = List.of();
        List<StrengthRow> strengths = List.of();
        NextLevelView next = null;
        if (detail) {
            profileChart = charts.block(context.authentication(), tenant, t, "profile-chart", t.get("org.profileChart"), "profile",
                    Map.of("code", organization.code(), "year", Integer.toString(year)));
            FindWeaknesses.Result found = reads.weaknesses(organization, year);
            weaknesses = found.weaknesses().stream().map(w -> new WeaknessRow(w.indicator(), t.pick(w.nameTh(), w.nameEn()), w.tool(),
                    Numbers.two(w.score()), Numbers.two(w.peerMedian()), t.get("severity." + w.severity().name()), w.severity().name().toLowerCase(),
                    w.reasons().stream().map(r -> t.get("reason." + r.name())).toList(),
                    w.draggingItems().stream().map(i -> i.item() + " " + i.textTh() + " (" + Numbers.two(i.score()) + ")").toList(),
                    t.pick(w.guidanceTh(), w.guidanceEn()))).toList();
            strengths = found.strengths().stream().map(s -> new StrengthRow(s.indicator(), t.pick(s.nameTh(), s.nameEn()), Numbers.two(s.score()))).toList();
            next = reads.nextLevel(organization, year).map(result -> nextLevel(t, result)).orElse(null);
        }
        return new OrganizationView(tenant, organization.code(), Places.name(t, organization), Places.type(t, organization),
                places.district(t, organization), province, organization.provinceCode(), year, yearList, detail, rank, total,
                level.map(l -> t.pick(l.level().nameTh(), l.level().nameEn())).orElse("–"), level.map(l -> l.level().code()).orElse(""),
                detail ? level.map(l -> t.pick(l.reasonTh(), l.reasonEn())).orElse(null) : null,
                detail && level.map(LevelAssessment::downgraded).orElse(false), trend, trendChart, profileChart, weaknesses, strengths, next,
                context.person().canExport(), provinceVisible(context, organization), reads.mayExportDetailOf(organization));
    }

    private static boolean provinceVisible(Pages.Context context, Organization organization) {
        return context.person().role() != th.ita.core.access.Role.PROVINCE_OFFICER || context.person().provinceCodes().contains(organization.provinceCode());
    }

    private static String value(ScopedScores.Year year, String metric) {
        return year.result().value(metric).map(v -> Numbers.two(v.value())).orElse("–");
    }

    private static NextLevelView nextLevel(Texts t, NextLevel.Result result) {
        if (result.next().isEmpty()) {
            return new NextLevelView(t.pick(result.current().level().nameTh(), result.current().level().nameEn()), "0.00", List.of(), List.of(), true);
        }
        NextLevel.Target target = result.next().get();
        // The tool that blocks the level first: the largest gap leads.
        List<ToolGapRow> tools = target.tools().stream().sorted(Comparator.comparingDouble(NextLevel.ToolGap::needed).reversed())
                .map(g -> new ToolGapRow(g.tool(), Numbers.two(g.score()), Numbers.two(g.needed()))).toList();
        List<LeverRow> levers = result.levers().stream().map(l -> new LeverRow(t.pick(l.nameTh(), l.nameEn()), l.tool(), Numbers.two(l.score()),
                Numbers.two(l.totalPerPoint()), Numbers.two(l.headroom()))).toList();
        return new NextLevelView(t.pick(target.nameTh(), target.nameEn()), Numbers.two(target.pointsOnTotal()), tools, levers, false);
    }
}
