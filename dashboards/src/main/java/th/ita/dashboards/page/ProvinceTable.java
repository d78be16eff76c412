package th.ita.dashboards.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import th.ita.analytics.ranking.PeerGroup;
import th.ita.analytics.ranking.RankPeers;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Indicator;
import th.ita.core.framework.LevelAssessment;
import th.ita.core.framework.LevelRule;
import th.ita.core.framework.Metric;
import th.ita.core.framework.Tool;
import th.ita.core.organization.Organization;
import th.ita.dashboards.port.ScopedScores;
import th.ita.dashboards.web.Texts;

/**
 * The LAO table of a province in one year, as the person may see it: every organization the province
 * has, ranked on the total over the whole province; tools and indicators only where the person may see
 * the organization's detail (never a peer's for an organization user). Shared by the page, its htmx
 * fragment and the exports, so they cannot disagree.
 */
public final class ProvinceTable {
    /** Below this total an organization has not passed (ผ่าน needs 85 in 2567–2568, as A did before). */
    public static final double PASS_LINE = 85;

    private ProvinceTable() {
    }

    /** One organization's row; {@code masked}: only name, total and level are published to this person. */
    public record Row(int rank, Organization organization, String name, String type, String district, double total, LevelAssessment level,
                      Double iit, Double eit, Double oit, List<Double> indicators, Double lastTotal, LevelAssessment lastLevel,
                      Integer rankChange, boolean dropped, boolean masked) {

        public boolean failedToolCondition() {
            return !masked && level != null && level.downgraded();
        }

        public boolean belowPass() {
            return total < PASS_LINE;
        }
    }

    /** What the filters ask for; null or blank: no filter. */
    public record Filter(String type, String district, String level, boolean failed, boolean dropped) {
        public static final Filter NONE = new Filter(null, null, null, false, false);

        boolean accepts(Row row) {
            if (type != null && !type.isBlank() && !row.organization().type().name().equals(type)) {
                return false;
            }
            if (district != null && !district.isBlank() && !district.equals(row.organization().districtCode())) {
                return false;
            }
            if (level != null && !level.isBlank() && (row.level() == null || !row.level().level().code().equals(level))) {
                return false;
            }
            if (failed && !row.failedToolCondition()) {
                return false;
            }
            return !dropped || row.dropped();
        }
    }

    /** The table: the framework of the year, the indicators as columns, and every row, best first. */
    public record Table(int year, String provinceCode, Framework framework, List<Indicator> indicators, List<Row> rows) {
        public List<Row> filtered(Filter filter) {
            return rows.stream().filter(filter::accepts).toList();
        }
    }

    public static Table of(ScopedScores.Reads reads, Places places, Texts t, String provinceCode, int year) {
        ScoreTable table = reads.table();
        int[] members = reads.provinceMembers(provinceCode);
        Framework framework = table.framework(year).orElseThrow(() -> th.ita.dashboards.web.PageError.notFound("error.noScoresIn", year));
        Optional<Framework> lastFramework = table.framework(year - 1);
        double[] totals = table.column(year, Metric.TOTAL).orElse(new double[0]);
        Map<Long, RankPeers.Ranked> ranks = new HashMap<>();
        for (int member : members) {
            if (member < totals.length && !Double.isNaN(totals[member])) {
                for (ScopedScores.Ranked ranked : reads.ranking(table.organization(member), year, Metric.TOTAL, PeerGroup.PROVINCE)) {
                    ranks.put(ranked.organization().id(), ranked.ranked());
                }
                break;
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int member : members) {
            if (member >= totals.length || Double.isNaN(totals[member])) {
                continue;
            }
            Organization organization = table.organization(member);
            RankPeers.Ranked rank = ranks.get(organization.id());
            if (rank == null) {
                continue;
            }
            boolean detail = reads.detailVisible(organization);
            LevelAssessment level = assess(table, framework, year, member);
            Double lastTotal = value(table, year - 1, Metric.TOTAL, member);
            LevelAssessment lastLevel = lastTotal == null ? null : lastFramework.map(f -> assess(table, f, year - 1, member)).orElse(null);
            boolean dropped = lastLevel != null && level != null && lastFramework.get().levelScheme().name().equals(framework.levelScheme().name())
                    && framework.levelScheme().levels().indexOf(level.level()) > framework.levelScheme().levels().indexOf(lastLevel.level());
            List<Double> indicators = new ArrayList<>();
            for (Indicator indicator : framework.indicators()) {
                indicators.add(detail ? value(table, year, indicator.code(), member) : null);
            }
            rows.add(new Row(rank.rank(), organization, Places.name(t, organization), Places.type(t, organization), places.district(t, organization),
                    totals[member], level, detail ? value(table, year, "IIT", member) : null, detail ? value(table, year, "EIT", member) : null,
                    detail ? value(table, year, "OIT", member) : null, indicators, lastTotal, lastLevel, rank.change(), dropped, !detail));
        }
        rows.sort(java.util.Comparator.comparingInt(Row::rank).thenComparing(Row::name));
        return new Table(year, provinceCode, framework, framework.indicators(), rows);
    }

    private static LevelAssessment assess(ScoreTable table, Framework framework, int year, int member) {
        double total = table.value(year, Metric.TOTAL, member);
        if (Double.isNaN(total)) {
            return null;
        }
        Map<String, Double> tools = new LinkedHashMap<>();
        for (Tool tool : framework.tools()) {
            tools.put(tool.code(), value(table, year, tool.code(), member));
        }
        return framework.levelScheme().assess(total, tools);
    }

    static Double value(ScoreTable table, int year, String metric, int member) {
        double value = table.value(year, metric, member);
        return Double.isNaN(value) ? null : value;
    }

    /** Level code → how many organizations hold it, in the scheme's order (best first). */
    public static Map<LevelRule, Integer> levelCounts(Table table, List<Row> rows) {
        Map<LevelRule, Integer> counts = new LinkedHashMap<>();
        for (LevelRule level : table.framework().levelScheme().levels()) {
            counts.put(level, 0);
        }
        for (Row row : rows) {
            if (row.level() != null) {
                counts.merge(row.level().level(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
