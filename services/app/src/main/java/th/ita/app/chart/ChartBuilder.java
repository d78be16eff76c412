package th.ita.app.chart;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import th.ita.analytics.ranking.PeerGroup;
import th.ita.analytics.table.ScoreTable;
import th.ita.app.access.ScopedData;
import th.ita.charts.ChartData;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Indicator;
import th.ita.core.framework.LevelRule;
import th.ita.core.framework.Metric;
import th.ita.core.geography.Geography;
import th.ita.core.geography.Province;
import th.ita.core.organization.Organization;

/** Builds the data of each chart from the caller's scoped reads; every access rule is ScopedData's. */
@Singleton
public class ChartBuilder {
    private final Geography geography;

    ChartBuilder(Geography geography) {
        this.geography = geography;
    }

    private String provinceTh(String code) {
        return geography.provinceByCode(code).map(Province::nameTh).orElse(code);
    }

    private String provinceEn(String code) {
        return geography.provinceByCode(code).map(Province::nameEn).orElse(code);
    }

    private static String sourceOrNone(ScopedData.Reads reads) {
        return reads.newestBatchId().map(String::valueOf).orElse("-");
    }

    /** The per-organization charts by kind, for commands that draw one chart per organization. */
    public ChartData forOrganization(ScopedData.Reads reads, String kind, Organization organization, int year) {
        return switch (kind) {
            case "ranking" -> ranking(reads, organization, year, Metric.TOTAL, PeerGroup.PROVINCE, 0);
            case "profile" -> profile(reads, organization, year);
            case "trend" -> trend(reads, organization, "tools");
            default -> throw ItaException.invalidInput("kind must be ranking, profile or trend, not '" + kind + "'");
        };
    }

    ChartData.Ranking ranking(ScopedData.Reads reads, Organization anchor, int year, String metric, PeerGroup group, int topBottom) {
        List<ChartData.Ranking.Bar> bars = reads.ranking(anchor, year, metric, group).stream()
                .map(row -> new ChartData.Ranking.Bar(row.organization().fullNameTh(), row.ranked().score(), row.ranked().rank(),
                        row.organization().id() == anchor.id()))
                .toList();
        Framework framework = reads.table().framework(year).orElseThrow(() -> ItaException.notFound("no scores in " + year));
        // One band per distinct threshold on the total (ผ่านดี and ผ่าน share 85: the better name is kept).
        List<ChartData.Band> bands = new ArrayList<>();
        for (LevelRule level : framework.levelScheme().levels()) {
            if (bands.isEmpty() || bands.get(bands.size() - 1).min() != level.minTotal()) {
                bands.add(new ChartData.Band(level.nameTh(), level.nameEn(), level.minTotal()));
            }
        }
        String metricTh = framework.metric(metric).map(Metric::nameTh).orElse(metric);
        return new ChartData.Ranking(new ChartData.Caption("ลำดับ" + metricTh + " ปี " + year, "Ranking on " + metric + ", " + year,
                "ปี " + year + " | " + groupTh(anchor, group) + " | ชุดข้อมูล " + sourceOrNone(reads),
                year + " | " + groupEn(anchor, group) + " | batch " + sourceOrNone(reads)), bars, bands, topBottom);
    }

    private String groupTh(Organization anchor, PeerGroup group) {
        return switch (group) {
            case PROVINCE -> "อปท. ในจังหวัด" + provinceTh(anchor.provinceCode());
            case PROVINCE_TYPE -> anchor.type().nameTh() + " ในจังหวัด" + provinceTh(anchor.provinceCode());
            case NATION_TYPE -> anchor.type().nameTh() + " ทั่วประเทศ";
        };
    }

    private String groupEn(Organization anchor, PeerGroup group) {
        return switch (group) {
            case PROVINCE -> "LAOs of " + provinceEn(anchor.provinceCode());
            case PROVINCE_TYPE -> anchor.type().nameEn() + "s of " + provinceEn(anchor.provinceCode());
            case NATION_TYPE -> anchor.type().nameEn() + "s nationwide";
        };
    }

    /** Metrics: "total", "tools" (IIT, EIT, OIT) or "indicators"; the province median of the first metric alongside. */
    ChartData.Trend trend(ScopedData.Reads reads, Organization organization, String what) {
        ScoreTable table = reads.table();
        int index = table.indexOf(organization.id()).orElseThrow(() -> ItaException.notFound(organization.fullNameTh() + " has no scores"));
        List<String> metrics = switch (what) {
            case "total" -> List.of(Metric.TOTAL);
            case "tools" -> th.ita.analytics.table.TableMetrics.toolCodes(table);
            case "indicators" -> th.ita.analytics.table.TableMetrics.indicatorCodes(table);
            default -> throw ItaException.invalidInput("metrics must be total, tools or indicators, not '" + what + "'");
        };
        for (String metric : metrics) {
            reads.requireMetric(organization, metric);
        }
        int[] peers = PeerGroup.PROVINCE.members(table, organization);
        Map<String, Map<Integer, Double>> series = new LinkedHashMap<>();
        Map<Integer, Double> median = new TreeMap<>();
        List<Integer> breaks = new ArrayList<>();
        Integer first = null;
        for (int year : table.years()) {
            Framework framework = table.framework(year).orElseThrow();
            for (String metric : metrics) {
                double value = table.value(year, metric, index);
                if (!Double.isNaN(value)) {
                    String name = metric.equals(Metric.TOTAL) ? "คะแนนรวม / Total" : framework.metric(metric).map(m -> m.kind().name().equals("TOOL") ? m.code() : m.code() + " " + m.nameTh()).orElse(metric);
                    series.computeIfAbsent(name, n -> new TreeMap<>()).put(year, value);
                    first = first == null ? year : first;
                }
            }
            double[] column = table.column(year, metrics.get(0)).orElse(null);
            if (column != null) {
                double[] values = Arrays.stream(peers).mapToDouble(i -> column[i]).filter(v -> !Double.isNaN(v)).toArray();
                if (values.length > 0) {
                    median.put(year, new Median().evaluate(values));
                }
            }
            if (first != null && year > first && !framework.methodologyChanges().isEmpty()) {
                breaks.add(year);
            }
        }
        int lastYear = table.years().isEmpty() ? 0 : table.years().get(table.years().size() - 1);
        return new ChartData.Trend(new ChartData.Caption("ผลการประเมินของ" + organization.fullNameTh(), "ITA results of " + organization.fullNameTh(),
                "ปี " + (first == null ? "-" : first) + "–" + lastYear + " | ค่ากลางของ อปท. ในจังหวัด" + provinceTh(organization.provinceCode())
                        + " | ชุดข้อมูล " + sourceOrNone(reads),
                (first == null ? "-" : first) + "–" + lastYear + " | median of LAOs of " + provinceEn(organization.provinceCode()) + " | batch " + sourceOrNone(reads)),
                series, median, breaks);
    }

    ChartData.Profile profile(ScopedData.Reads reads, Organization organization, int year) {
        reads.requireDetail(organization);
        ScoreTable table = reads.table();
        int index = table.indexOf(organization.id()).orElseThrow(() -> ItaException.notFound(organization.fullNameTh() + " has no scores"));
        Framework framework = table.framework(year).orElseThrow(() -> ItaException.notFound("no scores in " + year));
        int[] peers = PeerGroup.PROVINCE.members(table, organization);
        List<ChartData.Profile.Indicator> indicators = new ArrayList<>();
        for (Indicator indicator : framework.indicators()) {
            double value = table.value(year, indicator.code(), index);
            double[] column = table.column(year, indicator.code()).orElseThrow();
            double[] values = Arrays.stream(peers).mapToDouble(i -> column[i]).filter(v -> !Double.isNaN(v)).toArray();
            indicators.add(new ChartData.Profile.Indicator(indicator.code(), indicator.nameTh(), indicator.nameEn(), Double.isNaN(value) ? null : value,
                    values.length == 0 ? null : new Median().evaluate(values)));
        }
        return new ChartData.Profile(new ChartData.Caption("ผลรายตัวชี้วัดของ" + organization.fullNameTh() + " ปี " + year,
                "Indicators of " + organization.fullNameTh() + ", " + year,
                "ปี " + year + " | เทียบค่ากลางของ อปท. ในจังหวัด" + provinceTh(organization.provinceCode()) + " | ชุดข้อมูล " + sourceOrNone(reads),
                year + " | against the median of LAOs of " + provinceEn(organization.provinceCode()) + " | batch " + sourceOrNone(reads)),
                organization.fullNameTh(), indicators);
    }

    ChartData.Distribution distribution(ScopedData.Reads reads, String provinceCode, int year, Organization point) {
        reads.requirePeerDetail();
        ScoreTable table = reads.table();
        int[] members = reads.provinceMembers(table, provinceCode);
        Framework framework = table.framework(year).orElseThrow(() -> ItaException.notFound("no scores in " + year));
        Integer pointIndex = point == null ? null : table.indexOf(point.id()).orElse(null);
        List<ChartData.Distribution.Box> boxes = new ArrayList<>();
        for (Indicator indicator : framework.indicators()) {
            double[] column = table.column(year, indicator.code()).orElseThrow();
            List<Double> values = Arrays.stream(members).mapToDouble(i -> column[i]).filter(v -> !Double.isNaN(v)).boxed().toList();
            Double mark = pointIndex == null || Double.isNaN(column[pointIndex]) ? null : column[pointIndex];
            boxes.add(new ChartData.Distribution.Box(indicator.nameTh(), values, mark));
        }
        return new ChartData.Distribution(new ChartData.Caption("การกระจายคะแนนรายตัวชี้วัด จังหวัด" + provinceTh(provinceCode) + " ปี " + year,
                "Indicator scores in " + provinceEn(provinceCode) + ", " + year,
                "ปี " + year + " | อปท. ในจังหวัด" + provinceTh(provinceCode) + " " + members.length + " แห่ง | ชุดข้อมูล " + sourceOrNone(reads),
                year + " | " + members.length + " LAOs of " + provinceEn(provinceCode) + " | batch " + sourceOrNone(reads)),
                point == null ? "-" : point.fullNameTh(), boxes);
    }

    /** One box per province the caller may see, on one metric, with the organization's province marked by its point. */
    ChartData.Distribution provincesSideBySide(ScopedData.Reads reads, int year, String metric, Organization point) {
        String code = reads.aggregateMetric(year, metric);
        ScoreTable table = reads.table();
        double[] column = table.column(year, code).orElseThrow(() -> ItaException.notFound("no " + code + " scores in " + year));
        int[] visible = reads.visibleMembers(table);
        Integer pointIndex = point == null ? null : table.indexOf(point.id()).orElse(null);
        List<ChartData.Distribution.Box> boxes = new ArrayList<>();
        for (Province province : geography.provinces()) {
            List<Double> values = Arrays.stream(visible).filter(i -> table.organization(i).provinceCode().equals(province.code()))
                    .mapToDouble(i -> column[i]).filter(v -> !Double.isNaN(v)).boxed().toList();
            if (!values.isEmpty()) {
                Double mark = pointIndex != null && point.provinceCode().equals(province.code()) && !Double.isNaN(column[pointIndex]) ? column[pointIndex] : null;
                boxes.add(new ChartData.Distribution.Box(province.nameTh(), values, mark));
            }
        }
        return new ChartData.Distribution(new ChartData.Caption("การกระจาย" + code + " รายจังหวัด ปี " + year, code + " by province, " + year,
                "ปี " + year + " | " + boxes.size() + " จังหวัด | ชุดข้อมูล " + sourceOrNone(reads), year + " | " + boxes.size() + " provinces | batch " + sourceOrNone(reads)),
                point == null ? "-" : point.fullNameTh(), boxes);
    }

    ChartData.Heatmap heatmap(ScopedData.Reads reads, String provinceCode, int year, Organization highlighted) {
        reads.requirePeerDetail();
        ScoreTable table = reads.table();
        int[] members = reads.provinceMembers(table, provinceCode);
        Framework framework = table.framework(year).orElseThrow(() -> ItaException.notFound("no scores in " + year));
        List<Indicator> indicators = framework.indicators();
        double[] totals = table.column(year, Metric.TOTAL).orElse(new double[table.organizations().size()]);
        // Best total first, so the colors read as a ranking too.
        Integer[] order = Arrays.stream(members).boxed().filter(i -> !Double.isNaN(totals[i]))
                .sorted((a, b) -> Double.compare(totals[b], totals[a])).toArray(Integer[]::new);
        List<String> names = new ArrayList<>();
        double[][] values = new double[order.length][indicators.size()];
        for (int o = 0; o < order.length; o++) {
            names.add(table.organization(order[o]).fullNameTh());
            for (int i = 0; i < indicators.size(); i++) {
                values[o][i] = table.value(year, indicators.get(i).code(), order[o]);
            }
        }
        return new ChartData.Heatmap(new ChartData.Caption("ตัวชี้วัดของ อปท. จังหวัด" + provinceTh(provinceCode) + " ปี " + year,
                "Indicators of the LAOs of " + provinceEn(provinceCode) + ", " + year,
                "ปี " + year + " | " + order.length + " แห่ง เรียงตามคะแนนรวม | ชุดข้อมูล " + sourceOrNone(reads),
                year + " | " + order.length + " LAOs by total | batch " + sourceOrNone(reads)),
                names, indicators.stream().map(Indicator::nameTh).toList(), values, highlighted == null ? null : highlighted.fullNameTh());
    }

    /** Per province in a year (no province given), or per year of one province. */
    ChartData.Levels levels(ScopedData.Reads reads, Integer year, String provinceCode) {
        ScoreTable table = reads.table();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        List<String> levelNames = new ArrayList<>();
        if (provinceCode != null) {
            int[] members = reads.provinceMembers(table, provinceCode);
            for (int y : table.years()) {
                counts.put(Integer.toString(y), count(table, y, members, levelNames));
            }
            return new ChartData.Levels(new ChartData.Caption("ระดับผลการประเมิน จังหวัด" + provinceTh(provinceCode) + " รายปี",
                    "Levels in " + provinceEn(provinceCode) + " by year", "อปท. ในจังหวัด" + provinceTh(provinceCode) + " | ชุดข้อมูล " + sourceOrNone(reads),
                    "LAOs of " + provinceEn(provinceCode) + " | batch " + sourceOrNone(reads)), levelNames, counts);
        }
        if (year == null) {
            throw ItaException.invalidInput("give a year (levels per province) or a province (levels per year)");
        }
        int[] visible = reads.visibleMembers(table);
        for (Province province : geography.provinces()) {
            int[] members = Arrays.stream(visible).filter(i -> table.organization(i).provinceCode().equals(province.code())).toArray();
            if (members.length > 0) {
                counts.put(province.nameTh(), count(table, year, members, levelNames));
            }
        }
        return new ChartData.Levels(new ChartData.Caption("ระดับผลการประเมินรายจังหวัด ปี " + year, "Levels by province, " + year,
                "ปี " + year + " | ชุดข้อมูล " + sourceOrNone(reads), year + " | batch " + sourceOrNone(reads)), levelNames, counts);
    }

    /** Level counts by Thai level name, from the group summary (one rule for levels everywhere). */
    private static Map<String, Integer> count(ScoreTable table, int year, int[] members, List<String> levelNames) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Framework framework = table.framework(year).orElse(null);
        if (framework == null) {
            return counts;
        }
        Map<String, Integer> byCode = th.ita.analytics.summary.SummarizeGroup.of(table, year, Metric.TOTAL, members).levels();
        for (LevelRule level : framework.levelScheme().levels()) {
            counts.put(level.nameTh(), byCode.getOrDefault(level.code(), 0));
            if (!levelNames.contains(level.nameTh())) {
                levelNames.add(level.nameTh());
            }
        }
        return counts;
    }
}
