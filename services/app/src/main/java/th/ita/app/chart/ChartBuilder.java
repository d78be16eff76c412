package th.ita.app.chart;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import th.ita.analytics.peers.PeerSpread;
import th.ita.analytics.ranking.PeerGroup;
import th.ita.analytics.table.ScoreTable;
import th.ita.app.access.ScopedData;
import th.ita.charts.ChartData;
import th.ita.core.batch.BatchStatus;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Indicator;
import th.ita.core.framework.LevelRule;
import th.ita.core.framework.Metric;
import th.ita.core.geography.Geography;
import th.ita.core.geography.Province;
import th.ita.core.organization.Organization;

/**
 * Builds the data of each chart from the caller's scoped reads and the tenant's in-memory score table:
 * organizations, members, medians and spreads come from the table (memoized per table), so a chart
 * makes no store round trip beyond the table's own freshness check. Access rules are ScopedData's.
 */
@Singleton
public class ChartBuilder {
    /**
     * Below this many members, a group's statistics are not shown to callers who may not see the
     * members' detail: the median of two organizations gives away the other one's scores.
     */
    static final int MIN_GROUP_FOR_STATISTICS = 5;
    private static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");
    private final Geography geography;
    private final BatchCatalog batches;

    ChartBuilder(Geography geography, BatchCatalog batches) {
        this.geography = geography;
        this.batches = batches;
    }

    private String provinceTh(String code) {
        return geography.provinceByCode(code).map(Province::nameTh).orElse(code);
    }

    private String provinceEn(String code) {
        return geography.provinceByCode(code).map(Province::nameEn).orElse(code);
    }

    /** The source of a table's data, named once per table: the newest published batch when the table was first drawn from. */
    private record Source(String fileName, LocalDate published) {
    }

    private Source source(ScopedData.Reads reads, ScoreTable table) {
        return table.memo("chart-source", () -> batches.list(reads.tenant(), 50).stream().filter(b -> b.status() == BatchStatus.PUBLISHED).findFirst()
                .map(b -> new Source(b.fileName(), (b.finishedAt() == null ? b.startedAt() : b.finishedAt()).atZone(THAILAND).toLocalDate()))
                .orElse(new Source(null, null)));
    }

    /** "ita-2568.csv นำเข้า 22/11/2569" — the file only to those who may read batches (its name is theirs to know). */
    private String sourceTh(ScopedData.Reads reads, ScoreTable table) {
        Source source = source(reads, table);
        if (source.published() == null) {
            return "ยังไม่มีข้อมูลที่เผยแพร่";
        }
        String date = source.published().getDayOfMonth() + "/" + source.published().getMonthValue() + "/" + (source.published().getYear() + 543);
        return (reads.caller().scope().canReadBatches() ? "แหล่งข้อมูล " + source.fileName() : "ผลการประเมิน ITA") + " นำเข้า " + date;
    }

    private String sourceEn(ScopedData.Reads reads, ScoreTable table) {
        Source source = source(reads, table);
        if (source.published() == null) {
            return "no published data yet";
        }
        return (reads.caller().scope().canReadBatches() ? "source " + source.fileName() : "ITA results") + " loaded " + source.published();
    }

    /** An organization of the caller's scope, found in the table (no store round trip); 404 outside the scope. */
    public Organization organization(ScopedData.Reads reads, String code) {
        ScoreTable table = reads.table();
        Map<String, Integer> byCode = table.memo("chart-organizations-by-code", () -> {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < table.organizations().size(); i++) {
                index.put(table.organization(i).code(), i);
            }
            return index;
        });
        Integer index = byCode.get(code);
        if (index == null || !reads.caller().scope().canSee(table.organization(index))) {
            throw ItaException.notFound("organization " + code + " not found");
        }
        return table.organization(index);
    }

    /** Whether the caller may see peers' detail; if not, statistics of small groups are withheld. */
    private static boolean peersVisible(ScopedData.Reads reads) {
        try {
            reads.requirePeerDetail();
            return true;
        } catch (ItaException e) {
            return false;
        }
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
        ScoreTable table = reads.table();
        Framework framework = table.framework(year).orElseThrow(() -> ItaException.notFound("no scores in " + year));
        // One band per distinct threshold on the total (ผ่านดี and ผ่าน share 85: the better name is kept).
        List<ChartData.Band> bands = new ArrayList<>();
        for (LevelRule level : framework.levelScheme().levels()) {
            if (bands.isEmpty() || bands.get(bands.size() - 1).min() != level.minTotal()) {
                bands.add(new ChartData.Band(level.nameTh(), level.nameEn(), level.minTotal()));
            }
        }
        Metric measured = framework.resolve(metric).orElseThrow(() -> ItaException.invalidInput("'" + metric + "' is not a metric of " + year));
        return new ChartData.Ranking(new ChartData.Caption("ลำดับ" + measured.nameTh() + " ปี " + year, "Ranking on " + measured.nameEn() + ", " + year,
                "ปี " + year + " | " + groupTh(anchor, group) + " | " + sourceTh(reads, table),
                year + " | " + groupEn(anchor, group) + " | " + sourceEn(reads, table)), bars, bands, topBottom);
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

    /** The metrics a trend draws, from the table's frameworks (TableMetrics), each named by the newest framework that has it. */
    private static List<Metric> trendMetrics(ScoreTable table, String what) {
        List<String> codes = switch (what) {
            case "total" -> List.of(Metric.TOTAL);
            case "tools" -> th.ita.analytics.table.TableMetrics.toolCodes(table);
            case "indicators" -> th.ita.analytics.table.TableMetrics.indicatorCodes(table);
            default -> throw ItaException.invalidInput("metrics must be total, tools or indicators, not '" + what + "'");
        };
        List<Metric> metrics = new ArrayList<>();
        for (String code : codes) {
            for (int i = table.years().size() - 1; i >= 0; i--) {
                Optional<Metric> metric = table.framework(table.years().get(i)).flatMap(f -> f.metric(code));
                if (metric.isPresent()) {
                    metrics.add(metric.get());
                    break;
                }
            }
        }
        return metrics;
    }

    /** Metrics: "total", "tools" or "indicators", each with the province median of the same metric. */
    ChartData.Trend trend(ScopedData.Reads reads, Organization organization, String what) {
        ScoreTable table = reads.table();
        int index = table.indexOf(organization.id()).orElseThrow(() -> ItaException.notFound(organization.fullNameTh() + " has no scores"));
        List<Metric> metrics = trendMetrics(table, what);
        for (Metric metric : metrics) {
            reads.requireMetric(organization, metric.code());
        }
        int[] peers = PeerGroup.PROVINCE.members(table, organization);
        boolean statistics = peersVisible(reads) || peers.length >= MIN_GROUP_FOR_STATISTICS;
        List<ChartData.Trend.Series> series = new ArrayList<>();
        List<Integer> breaks = new ArrayList<>();
        Integer first = null;
        for (int year : table.years()) {
            boolean scored = metrics.stream().anyMatch(m -> !Double.isNaN(table.value(year, m.code(), index)));
            Framework framework = table.framework(year).orElseThrow();
            if (first != null && scored && !framework.methodologyChanges().isEmpty()) {
                breaks.add(year);
            }
            if (scored && first == null) {
                first = year;
            }
        }
        for (Metric metric : metrics) {
            Map<Integer, Double> values = new LinkedHashMap<>();
            for (int year : table.years()) {
                double value = table.value(year, metric.code(), index);
                if (!Double.isNaN(value)) {
                    values.put(year, value);
                }
            }
            Map<Integer, Double> medians = statistics
                    ? table.memo("chart-median|" + PeerGroup.PROVINCE.key(organization) + "|" + metric.code(),
                            () -> PeerSpread.medianByYear(table, metric.code(), peers))
                    : Map.of();
            ChartData.Label name = metric.code().equals(Metric.TOTAL) || metric.kind().name().equals("TOOL")
                    ? ChartData.Label.of(metric.code().equals(Metric.TOTAL) ? metric.nameTh() : metric.code(), metric.code().equals(Metric.TOTAL) ? metric.nameEn() : metric.code())
                    : ChartData.Label.of(metric.code() + " " + metric.nameTh(), metric.code() + " " + metric.nameEn());
            series.add(new ChartData.Trend.Series(metric.code(), name, values, medians));
        }
        int lastYear = table.years().isEmpty() ? 0 : table.years().get(table.years().size() - 1);
        String range = (first == null ? "-" : first) + "–" + lastYear;
        return new ChartData.Trend(new ChartData.Caption("ผลการประเมินของ" + organization.fullNameTh(), "ITA results of " + organization.fullNameTh(),
                "ปี " + range + " | เทียบค่ากลางของ อปท. ในจังหวัด" + provinceTh(organization.provinceCode()) + " | " + sourceTh(reads, table),
                range + " | against the median of LAOs of " + provinceEn(organization.provinceCode()) + " | " + sourceEn(reads, table)),
                organization.fullNameTh(), ChartData.Label.of("อปท. ในจังหวัด" + provinceTh(organization.provinceCode()), "LAOs of " + provinceEn(organization.provinceCode())),
                series, breaks);
    }

    ChartData.Profile profile(ScopedData.Reads reads, Organization organization, int year) {
        reads.requireDetail(organization);
        ScoreTable table = reads.table();
        int index = table.indexOf(organization.id()).orElseThrow(() -> ItaException.notFound(organization.fullNameTh() + " has no scores"));
        Framework framework = table.framework(year).orElseThrow(() -> ItaException.notFound("no scores in " + year));
        int[] peers = PeerGroup.PROVINCE.members(table, organization);
        boolean detail = peersVisible(reads);
        List<ChartData.Profile.Indicator> indicators = new ArrayList<>();
        for (Indicator indicator : framework.indicators()) {
            double value = table.value(year, indicator.code(), index);
            Optional<PeerSpread.Spread> spread = table.memo("chart-spread|" + PeerGroup.PROVINCE.key(organization) + "|" + year + "|" + indicator.code(),
                    () -> PeerSpread.of(table, year, indicator.code(), peers));
            ChartData.Spread shown = spread.filter(s -> detail || s.count() >= MIN_GROUP_FOR_STATISTICS)
                    // The lowest and highest are one peer's own scores: only for those who may see peers' detail.
                    .map(s -> new ChartData.Spread(s.count(), detail ? s.min() : null, s.firstQuartile(), s.median(), s.thirdQuartile(), detail ? s.max() : null))
                    .orElse(null);
            indicators.add(new ChartData.Profile.Indicator(indicator.code(), ChartData.Label.of(indicator.nameTh(), indicator.nameEn()),
                    Double.isNaN(value) ? null : value, shown));
        }
        return new ChartData.Profile(new ChartData.Caption("ผลรายตัวชี้วัดของ" + organization.fullNameTh() + " ปี " + year,
                "Indicators of " + organization.fullNameTh() + ", " + year,
                "ปี " + year + " | เทียบกับ อปท. ในจังหวัด" + provinceTh(organization.provinceCode()) + " | " + sourceTh(reads, table),
                year + " | against the LAOs of " + provinceEn(organization.provinceCode()) + " | " + sourceEn(reads, table)),
                organization.fullNameTh(), ChartData.Label.of("อปท. ในจังหวัด" + provinceTh(organization.provinceCode()), "LAOs of " + provinceEn(organization.provinceCode())),
                indicators);
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
            boxes.add(new ChartData.Distribution.Box(ChartData.Label.of(indicator.nameTh(), indicator.nameEn()), values, mark));
        }
        return new ChartData.Distribution(new ChartData.Caption("การกระจายคะแนนรายตัวชี้วัด จังหวัด" + provinceTh(provinceCode) + " ปี " + year,
                "Indicator scores in " + provinceEn(provinceCode) + ", " + year,
                "ปี " + year + " | อปท. ในจังหวัด" + provinceTh(provinceCode) + " " + members.length + " แห่ง | " + sourceTh(reads, table),
                year + " | " + members.length + " LAOs of " + provinceEn(provinceCode) + " | " + sourceEn(reads, table)),
                ChartData.Label.of("คะแนน", "Score"), point == null ? null : point.fullNameTh(), boxes);
    }

    /** One box per province the caller may see, on one metric, best median first, with the organization's point in its province. */
    ChartData.Distribution provincesSideBySide(ScopedData.Reads reads, int year, String metric, Organization point) {
        String code = reads.aggregateMetric(year, metric);
        ScoreTable table = reads.table();
        Framework framework = table.framework(year).orElseThrow(() -> ItaException.notFound("no scores in " + year));
        Metric measured = framework.metric(code).orElseThrow(() -> ItaException.notFound("no " + code + " scores in " + year));
        double[] column = table.column(year, code).orElseThrow(() -> ItaException.notFound("no " + code + " scores in " + year));
        int[] visible = reads.visibleMembers(table);
        Integer pointIndex = point == null ? null : table.indexOf(point.id()).orElse(null);
        boolean detail = peersVisible(reads);
        List<ChartData.Distribution.Box> boxes = new ArrayList<>();
        Map<ChartData.Distribution.Box, Double> medians = new HashMap<>();
        for (Province province : geography.provinces()) {
            double[] values = Arrays.stream(visible).filter(i -> table.organization(i).provinceCode().equals(province.code()))
                    .mapToDouble(i -> column[i]).filter(v -> !Double.isNaN(v)).toArray();
            if (values.length > 0 && (detail || values.length >= MIN_GROUP_FOR_STATISTICS)) {
                Double mark = pointIndex != null && point.provinceCode().equals(province.code()) && !Double.isNaN(column[pointIndex]) ? column[pointIndex] : null;
                ChartData.Distribution.Box box = new ChartData.Distribution.Box(ChartData.Label.of(province.nameTh(), province.nameEn()),
                        Arrays.stream(values).boxed().toList(), mark);
                boxes.add(box);
                medians.put(box, PeerSpread.of(values).orElseThrow().median());
            }
        }
        boxes.sort(Comparator.comparingDouble((ChartData.Distribution.Box box) -> medians.get(box)).reversed());
        return new ChartData.Distribution(new ChartData.Caption("การกระจาย" + measured.nameTh() + " รายจังหวัด ปี " + year,
                measured.nameEn() + " by province, " + year,
                "ปี " + year + " | " + boxes.size() + " จังหวัด เรียงตามค่ากลาง | " + sourceTh(reads, table),
                year + " | " + boxes.size() + " provinces by median | " + sourceEn(reads, table)),
                ChartData.Label.of(measured.nameTh(), measured.nameEn()), point == null ? null : point.fullNameTh(), boxes);
    }

    ChartData.Heatmap heatmap(ScopedData.Reads reads, String provinceCode, int year, Organization highlighted) {
        reads.requirePeerDetail();
        ScoreTable table = reads.table();
        int[] members = reads.provinceMembers(table, provinceCode);
        Framework framework = table.framework(year).orElseThrow(() -> ItaException.notFound("no scores in " + year));
        List<Indicator> indicators = framework.indicators();
        double[] totals = table.column(year, Metric.TOTAL).orElse(new double[table.organizations().size()]);
        // Best total first, so the colours read as a ranking too.
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
                "ปี " + year + " | " + order.length + " แห่ง เรียงตามคะแนนรวม | " + sourceTh(reads, table),
                year + " | " + order.length + " LAOs by total | " + sourceEn(reads, table)),
                names, indicators.stream().map(i -> ChartData.Label.of(i.nameTh(), i.nameEn())).toList(), values,
                highlighted == null ? null : highlighted.fullNameTh());
    }

    /** Per province in a year (no province given), best levels first; or per year of one province. */
    ChartData.Levels levels(ScopedData.Reads reads, Integer year, String provinceCode) {
        ScoreTable table = reads.table();
        List<ChartData.Levels.Group> groups = new ArrayList<>();
        Map<String, ChartData.Levels.Level> levels = new LinkedHashMap<>();
        if (provinceCode != null) {
            int[] members = reads.provinceMembers(table, provinceCode);
            for (int y : table.years()) {
                group(table, y, members, ChartData.Label.of(Integer.toString(y), Integer.toString(y)), levels).ifPresent(groups::add);
            }
            return new ChartData.Levels(new ChartData.Caption("ระดับผลการประเมิน จังหวัด" + provinceTh(provinceCode) + " รายปี",
                    "Levels in " + provinceEn(provinceCode) + " by year", "อปท. ในจังหวัด" + provinceTh(provinceCode) + " | " + sourceTh(reads, table),
                    "LAOs of " + provinceEn(provinceCode) + " | " + sourceEn(reads, table)), List.copyOf(levels.values()), groups);
        }
        if (year == null) {
            throw ItaException.invalidInput("give a year (levels per province) or a province (levels per year)");
        }
        int[] visible = reads.visibleMembers(table);
        for (Province province : geography.provinces()) {
            int[] members = Arrays.stream(visible).filter(i -> table.organization(i).provinceCode().equals(province.code())).toArray();
            if (members.length > 0) {
                group(table, year, members, ChartData.Label.of(province.nameTh(), province.nameEn()), levels).ifPresent(groups::add);
            }
        }
        List<ChartData.Levels.Level> order = List.copyOf(levels.values());
        groups.sort(Comparator.comparingDouble(group -> meanLevel(group, order)));
        return new ChartData.Levels(new ChartData.Caption("ระดับผลการประเมินรายจังหวัด ปี " + year, "Levels by province, " + year,
                "ปี " + year + " | เรียงจากระดับเฉลี่ยดีที่สุด | " + sourceTh(reads, table), year + " | best average level first | " + sourceEn(reads, table)),
                order, groups);
    }

    /** The mean position of a group's organizations in its scheme's levels (0 = all at the best level). */
    private static double meanLevel(ChartData.Levels.Group group, List<ChartData.Levels.Level> levels) {
        List<ChartData.Levels.Level> scheme = levels.stream().filter(l -> l.scheme().equals(group.scheme())).toList();
        double sum = 0;
        for (int i = 0; i < scheme.size(); i++) {
            sum += i * group.counts().getOrDefault(scheme.get(i).code(), 0);
        }
        return group.size() == 0 ? scheme.size() : sum / group.size();
    }

    /** A group's level counts by code, from the group summary (one rule for levels everywhere); empty without scores. */
    private static Optional<ChartData.Levels.Group> group(ScoreTable table, int year, int[] members, ChartData.Label label,
                                                          Map<String, ChartData.Levels.Level> levels) {
        Framework framework = table.framework(year).orElse(null);
        if (framework == null) {
            return Optional.empty();
        }
        String scheme = framework.levelScheme().name();
        Map<String, Integer> byCode = table.memo("chart-levels|" + year + "|" + label.th() + "|" + members.length + "|" + Arrays.hashCode(members),
                () -> th.ita.analytics.summary.SummarizeGroup.of(table, year, Metric.TOTAL, members).levels());
        for (LevelRule level : framework.levelScheme().levels()) {
            levels.putIfAbsent(scheme + "|" + level.code(), new ChartData.Levels.Level(scheme, level.code(), ChartData.Label.of(level.nameTh(), level.nameEn())));
        }
        if (byCode.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new ChartData.Levels.Group(label, scheme, byCode));
    }
}
