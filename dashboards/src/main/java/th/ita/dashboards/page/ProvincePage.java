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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import th.ita.analytics.table.ScoreTable;
import th.ita.analytics.trend.Movers;
import th.ita.core.access.Role;
import th.ita.core.framework.Indicator;
import th.ita.core.framework.LevelRule;
import th.ita.core.framework.Metric;
import th.ita.core.geography.Province;
import th.ita.core.organization.OrganizationType;
import th.ita.dashboards.page.ChartBlocks.ChartBlock;
import th.ita.dashboards.port.ScopedScores;
import th.ita.dashboards.web.Numbers;
import th.ita.dashboards.web.Pages;
import th.ita.dashboards.web.Texts;

/**
 * A province for its staff: the LAO table (sortable, filterable by type, district, level, a failed tool
 * condition and a dropped level), who needs attention, level shares, risers and fallers, the indicators
 * weak across the province with the organizations' names, and the ranking, distribution, heatmap and
 * level charts. An organization user sees its peers' names, totals and levels only.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class ProvincePage {
    private static final int MOVERS = 5;
    private static final int NAMES_SHOWN = 12;
    private final Pages pages;
    private final ScopedScores scores;
    private final Places places;
    private final ChartBlocks charts;

    ProvincePage(Pages pages, ScopedScores scores, Places places, ChartBlocks charts) {
        this.pages = pages;
        this.scores = scores;
        this.places = places;
        this.charts = charts;
    }

    /** A table row as the template prints it. */
    public record RowView(int rank, String code, String name, String type, String district, String total, double totalValue, String level,
                          String levelCode, String reason, boolean failed, String iit, String eit, String oit, List<String> indicators,
                          String lastTotal, String lastLevel, String lastLevelCode, String rankChange, int rankChangeValue, boolean dropped, boolean masked) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    public record FilterView(String year, List<Option> types, List<Option> districts, List<Option> levels, boolean failed, boolean dropped,
                             boolean detailFilters) {
    }

    public record TableView(String provinceCode, int year, List<String> indicatorHeaders, List<String> indicatorNames, List<RowView> rows,
                            int shown, int total, boolean detail, String query) {
    }

    public record Share(String code, String name, int count, String percent, double width) {
    }

    public record Attention(String code, String name, String total, String level, String levelCode, List<String> why, String worst) {
    }

    public record Move(String code, String name, String before, String after, String change) {
    }

    public record WeakIndicator(String code, String name, int weak, int scored, List<String> names, int more) {
    }

    public record ProvinceView(String code, String name, int year, List<Integer> years, FilterView filter, TableView table, List<Share> shares,
                               String mean, String median, List<Attention> attention, List<Move> risers, List<Move> fallers, boolean moversBreak,
                               List<WeakIndicator> weakIndicators, boolean peerDetail, List<ChartBlock> charts, boolean canExport) {
    }

    @Get("/provinces/{province}")
    MutableHttpResponse<?> show(HttpRequest<?> request, @Nullable Authentication authentication, @PathVariable String province,
                                @Nullable @QueryValue Integer year, @Nullable @QueryValue String type, @Nullable @QueryValue String district,
                                @Nullable @QueryValue String level, @Nullable @QueryValue String failed, @Nullable @QueryValue String dropped) {
        return pages.page(request, authentication, "province", context -> view(context, province, year,
                new ProvinceTable.Filter(type, district, level, on(failed), on(dropped))));
    }

    /** The table alone, for the filters (htmx): the same rules, the same rows. */
    @Get("/provinces/{province}/table")
    MutableHttpResponse<?> table(HttpRequest<?> request, @Nullable Authentication authentication, @PathVariable String province,
                                 @Nullable @QueryValue Integer year, @Nullable @QueryValue String type, @Nullable @QueryValue String district,
                                 @Nullable @QueryValue String level, @Nullable @QueryValue String failed, @Nullable @QueryValue String dropped) {
        String query = request.getUri().getRawQuery();
        // The address bar shows the page with the filters, so a reload or a shared link shows the same rows.
        return pages.fragment(request, authentication, "provinceTable", context -> {
            ScopedScores.Reads reads = scores.of(context.authentication(), context.tenant());
            Province found = places.requireProvince(province);
            int chosen = year == null ? newest(reads.table()) : year;
            ProvinceTable.Table table = ProvinceTable.of(reads, places, context.t(), found.code(), chosen);
            return tableView(context.t(), table, new ProvinceTable.Filter(type, district, level, on(failed), on(dropped)), peerDetail(context, reads),
                    context.request().getUri().getRawQuery());
        }).header("HX-Push-Url", "/provinces/" + Pages.pathSegment(province) + (query == null ? "" : "?" + query));
    }

    static boolean on(String value) {
        return value != null && (value.equals("on") || value.equals("true") || value.equals("1"));
    }

    static int newest(ScoreTable table) {
        List<Integer> years = table.years();
        if (years.isEmpty()) {
            throw th.ita.dashboards.web.PageError.notFound("error.noScores");
        }
        return years.get(years.size() - 1);
    }

    private static boolean peerDetail(Pages.Context context, ScopedScores.Reads reads) {
        return context.person().role() != Role.ORGANIZATION_USER || reads.peerDetailVisible();
    }

    private ProvinceView view(Pages.Context context, String provinceParameter, Integer requestedYear, ProvinceTable.Filter filter) {
        Texts t = context.t();
        ScopedScores.Reads reads = scores.of(context.authentication(), context.tenant());
        Province province = places.requireProvince(provinceParameter);
        ScoreTable scoreTable = reads.table();
        int year = requestedYear == null ? newest(scoreTable) : requestedYear;
        ProvinceTable.Table table = ProvinceTable.of(reads, places, t, province.code(), year);
        boolean peerDetail = peerDetail(context, reads);
        TableView tableView = tableView(t, table, filter, peerDetail, context.request().getUri().getRawQuery());

        List<Share> shares = new ArrayList<>();
        Map<LevelRule, Integer> counts = ProvinceTable.levelCounts(table, table.rows());
        int all = table.rows().size();
        counts.forEach((rule, count) -> shares.add(new Share(rule.code().toLowerCase(), t.pick(rule.nameTh(), rule.nameEn()), count,
                Numbers.percent(all == 0 ? null : 100.0 * count / all), all == 0 ? 0 : Math.round(1000.0 * count / all) / 10.0)));
        double[] totals = table.rows().stream().mapToDouble(ProvinceTable.Row::total).sorted().toArray();
        String mean = totals.length == 0 ? "–" : Numbers.two(java.util.Arrays.stream(totals).average().orElse(Double.NaN));
        String median = totals.length == 0 ? "–" : Numbers.two(totals.length % 2 == 1 ? totals[totals.length / 2]
                : (totals[totals.length / 2 - 1] + totals[totals.length / 2]) / 2);

        List<Attention> attention = new ArrayList<>();
        List<WeakIndicator> weak = new ArrayList<>();
        if (peerDetail) {
            for (ProvinceTable.Row row : table.rows()) {
                List<String> why = new ArrayList<>();
                if (row.belowPass()) {
                    why.add(t.get("province.why.belowPass"));
                }
                if (row.dropped()) {
                    why.add(t.get("province.why.dropped", t.pick(row.lastLevel().level().nameTh(), row.lastLevel().level().nameEn())));
                }
                if (row.failedToolCondition()) {
                    why.add(t.pick(row.level().reasonTh(), row.level().reasonEn()));
                }
                if (!why.isEmpty()) {
                    attention.add(new Attention(row.organization().code(), row.name(), Numbers.two(row.total()), levelName(t, row), levelCode(row), why,
                            worst(t, table, row)));
                }
            }
            attention.sort(Comparator.comparing(Attention::total));
            for (int i = 0; i < table.indicators().size(); i++) {
                Indicator indicator = table.indicators().get(i);
                List<String> names = new ArrayList<>();
                int scored = 0;
                for (ProvinceTable.Row row : table.rows()) {
                    Double value = row.indicators().get(i);
                    if (value != null) {
                        scored++;
                        if (value < reads.weaknessThreshold()) {
                            names.add(row.name());
                        }
                    }
                }
                if (!names.isEmpty()) {
                    weak.add(new WeakIndicator(indicator.code(), t.pick(indicator.nameTh(), indicator.nameEn()), names.size(), scored,
                            names.subList(0, Math.min(NAMES_SHOWN, names.size())), Math.max(0, names.size() - NAMES_SHOWN)));
                }
            }
            weak.sort(Comparator.comparingInt(WeakIndicator::weak).reversed());
        }

        Movers.Result movers = Movers.of(scoreTable, year, Metric.TOTAL, reads.provinceMembers(province.code()), MOVERS);
        List<ChartBlock> blocks = new ArrayList<>();
        String tenant = context.tenant();
        String anchor = context.person().organizationCode() != null && table.rows().stream().anyMatch(r -> r.organization().code().equals(context.person().organizationCode()))
                ? context.person().organizationCode() : table.rows().isEmpty() ? null : table.rows().get(0).organization().code();
        if (anchor != null) {
            blocks.add(charts.block(context.authentication(), tenant, t, "ranking-chart", t.get("province.chart.ranking"), "ranking",
                    Map.of("code", anchor, "year", Integer.toString(year), "top", "15")));
        }
        blocks.add(charts.block(context.authentication(), tenant, t, "distribution-chart", t.get("province.chart.distribution"), "distribution",
                Map.of("province", province.code(), "year", Integer.toString(year))));
        if (peerDetail) {
            blocks.add(charts.block(context.authentication(), tenant, t, "heatmap-chart", t.get("province.chart.heatmap"), "heatmap",
                    Map.of("province", province.code(), "year", Integer.toString(year))));
        }
        blocks.add(charts.block(context.authentication(), tenant, t, "levels-chart", t.get("province.chart.levels"), "levels",
                Map.of("province", province.code())));

        return new ProvinceView(province.code(), t.pick(province.nameTh(), province.nameEn()), year, scoreTable.years(),
                filterView(t, table, filter, year, peerDetail), tableView, shares, mean, median, attention,
                movers.risers().stream().map(m -> move(t, m)).toList(), movers.fallers().stream().map(m -> move(t, m)).toList(),
                movers.methodologyBreak(), weak, peerDetail, blocks, context.person().canExport());
    }

    private static Move move(Texts t, Movers.Move move) {
        var organization = move.organization();
        return new Move(organization.code(), Places.name(t, organization), Numbers.two(move.before()), Numbers.two(move.after()), Numbers.signed(move.change()));
    }

    /** The two weakest indicators of an organization: where its work starts. */
    private static String worst(Texts t, ProvinceTable.Table table, ProvinceTable.Row row) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < row.indicators().size(); i++) {
            if (row.indicators().get(i) != null) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble(i -> row.indicators().get(i)));
        List<String> names = new ArrayList<>();
        for (int i : order.subList(0, Math.min(2, order.size()))) {
            Indicator indicator = table.indicators().get(i);
            names.add(t.pick(indicator.nameTh(), indicator.nameEn()) + " " + Numbers.two(row.indicators().get(i)));
        }
        return String.join(", ", names);
    }

    static String levelName(Texts t, ProvinceTable.Row row) {
        return row.level() == null ? "–" : t.pick(row.level().level().nameTh(), row.level().level().nameEn());
    }

    static String levelCode(ProvinceTable.Row row) {
        return row.level() == null ? "" : row.level().level().code().toLowerCase();
    }

    private FilterView filterView(Texts t, ProvinceTable.Table table, ProvinceTable.Filter filter, int year, boolean peerDetail) {
        Map<String, String> types = new TreeMap<>();
        Map<String, String> districts = new TreeMap<>();
        for (ProvinceTable.Row row : table.rows()) {
            OrganizationType type = row.organization().type();
            types.put(type.name(), t.pick(type.nameTh(), type.nameEn()));
            if (row.organization().districtCode() != null) {
                districts.put(row.organization().districtCode(), row.district());
            }
        }
        List<Option> typeOptions = new ArrayList<>();
        types.forEach((code, name) -> typeOptions.add(new Option(code, name, code.equals(filter.type()))));
        List<Option> districtOptions = new ArrayList<>();
        districts.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> districtOptions.add(new Option(e.getKey(), e.getValue(), e.getKey().equals(filter.district()))));
        List<Option> levelOptions = new ArrayList<>();
        for (LevelRule rule : table.framework().levelScheme().levels()) {
            levelOptions.add(new Option(rule.code(), t.pick(rule.nameTh(), rule.nameEn()), rule.code().equals(filter.level())));
        }
        return new FilterView(Integer.toString(year), typeOptions, districtOptions, levelOptions, filter.failed(), filter.dropped(), peerDetail);
    }

    static TableView tableView(Texts t, ProvinceTable.Table table, ProvinceTable.Filter filter, boolean peerDetail, String query) {
        List<ProvinceTable.Row> rows = table.filtered(peerDetail ? filter : new ProvinceTable.Filter(filter.type(), filter.district(), filter.level(), false, filter.dropped()));
        List<RowView> views = new ArrayList<>();
        for (ProvinceTable.Row row : rows) {
            List<String> indicators = row.indicators().stream().map(v -> row.masked() ? "" : Numbers.two(v)).toList();
            views.add(new RowView(row.rank(), row.organization().code(), row.name(), row.type(), row.district(), Numbers.two(row.total()), row.total(),
                    levelName(t, row), levelCode(row), row.masked() || row.level() == null ? "" : t.pick(row.level().reasonTh(), row.level().reasonEn()),
                    row.failedToolCondition(), row.masked() ? "" : Numbers.two(row.iit()), row.masked() ? "" : Numbers.two(row.eit()),
                    row.masked() ? "" : Numbers.two(row.oit()), indicators, Numbers.two(row.lastTotal()),
                    row.lastLevel() == null ? "–" : t.pick(row.lastLevel().level().nameTh(), row.lastLevel().level().nameEn()),
                    row.lastLevel() == null ? "" : row.lastLevel().level().code().toLowerCase(), Numbers.rankChange(row.rankChange()),
                    row.rankChange() == null ? 0 : row.rankChange(), row.dropped(), row.masked()));
        }
        List<String> headers = table.indicators().stream().map(Indicator::code).toList();
        List<String> names = table.indicators().stream().map(i -> t.pick(i.nameTh(), i.nameEn())).toList();
        boolean anyDetail = rows.stream().anyMatch(r -> !r.masked());
        return new TableView(table.provinceCode(), table.year(), headers, names, views, views.size(), table.rows().size(), anyDetail,
                query == null ? "" : query);
    }

}
