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
import th.ita.app.analytics.AnalyticsSettings;
import th.ita.charts.ChartData;
import th.ita.charts.ChartData.Caption;
import th.ita.core.batch.BatchStatus;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Indicator;
import th.ita.core.framework.LevelRule;
import th.ita.core.framework.Metric;
import th.ita.core.geography.Geography;
import th.ita.core.geography.Province;
import th.ita.core.message.Language;
import th.ita.core.message.Localized;
import th.ita.core.message.Message;
import th.ita.core.message.Messages;
import th.ita.core.organization.Organization;

/**
 * Builds the data of each chart from the caller's scoped reads and the tenant's in-memory score table:
 * organizations, members, medians and spreads come from the table (memoized per table), so a chart
 * makes no store round trip beyond the table's own freshness check (read once per request: the
 * request's {@link ScopedData.Reads} holds it). Access rules are the caller's {@link th.ita.core.access.AccessScope}'s:
 * statistics of a group smaller than {@code ita.analytics.minimum-group-size} are withheld from callers who
 * may not see its members' detail, saying why. Every caption and label comes from the message catalog
 * ({@code chart.*}), rendered in Thai and in English.
 */
@Singleton
public class ChartBuilder {
    private static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");
    private final Geography geography;
    private final BatchCatalog batches;
    private final int minimumGroupSize;

    ChartBuilder(Geography geography, BatchCatalog batches, AnalyticsSettings settings) {
        this.geography = geography;
        this.batches = batches;
        this.minimumGroupSize = settings.minimumGroupSize();
    }

    /** A province's name in both languages (its code if the reference data does not know it). */
    private Localized province(String code) {
        return geography.provinceByCode(code).map(p -> new Localized(p.nameTh(), p.nameEn())).orElse(new Localized(code, code));
    }

    private static Caption caption(Message title, Message data) {
        Messages catalog = Messages.standard();
        return new ChartData.Caption(catalog.render(title, Language.TH), catalog.render(title, Language.EN),
                catalog.render(data, Language.TH), catalog.render(data, Language.EN));
    }

    private static ChartData.Label label(Message message) {
        return ChartData.Label.of(Messages.standard().render(message, Language.TH), Messages.standard().render(message, Language.EN));
    }

    private static Localized name(Metric metric) {
        return new Localized(metric.nameTh(), metric.nameEn());
    }

    /** Whether the caller may see statistics of a group of this many organizations (AccessScope's disclosure control). */
    private boolean statisticsShown(ScopedData.Reads reads, int groupSize) {
        return reads.scope().canSeeStatisticsOfGroup(groupSize, minimumGroupSize);
    }

    private Message withheld(int groupSize) {
        return Message.of("statistics.withheld", "size", groupSize, "minimum", minimumGroupSize);
    }

    /** The source of a table's data, named once per table: the newest published batch when the table was first drawn from. */
    private record Source(String fileName, LocalDate published) {
    }

    private Source sourceOf(ScopedData.Reads reads, ScoreTable table) {
        return table.memo("chart-source", () -> batches.list(reads.tenant(), 50).stream().filter(b -> b.status() == BatchStatus.PUBLISHED).findFirst()
                .map(b -> new Source(b.fileName(), (b.finishedAt() == null ? b.startedAt() : b.finishedAt()).atZone(THAILAND).toLocalDate()))
                .orElse(new Source(null, null)));
    }

    /**
     * "แหล่งข้อมูล ita-2568.csv นำเข้า 22/11/2569" / "source ita-2568.csv loaded 2026-11-22" — the file only to
     * those who may read batches (its name is theirs to know); the date in BE in Thai, ISO in English.
     */
    private Message source(ScopedData.Reads reads, ScoreTable table) {
        Source source = sourceOf(reads, table);
        if (source.published() == null) {
            return Message.of("chart.source.none");
        }
        LocalDate day = source.published();
        Localized date = new Localized(day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + (day.getYear() + 543), day.toString());
        return reads.scope().canReadBatches()
                ? Message.of("chart.source.file", "file", source.fileName(), "date", date)
                : Message.of("chart.source.results", "date", date);
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
            throw ItaException.notFound(Message.of("problem.organizationNotFound", "code", code));
        }
        return table.organization(index);
    }

    /** The per-organization charts by kind, for commands that draw one chart per organization. */
    public ChartData forOrganization(ScopedData.Reads reads, String kind, Organization organization, int year) {
        return switch (kind) {
            case "ranking" -> ranking(reads, organization, year, Metric.TOTAL, PeerGroup.PROVINCE, 0);
            case "profile" -> profile(reads, organization, year);
            case "trend" -> trend(reads, organization, "tools");
            default -> throw ItaException.invalidInput(Message.of("problem.invalidField", "field", "kind", "value", kind,
                    "reason", Message.of("validation.oneOf", "values", "ranking, profile, trend")));
        };
    }

    ChartData.Ranking ranking(ScopedData.Reads reads, Organization anchor, int year, String metric, PeerGroup group, int topBottom) {
        List<ChartData.Ranking.Bar> bars = reads.ranking(anchor, year, metric, group).stream()
                .map(row -> new ChartData.Ranking.Bar(row.organization().fullNameTh(), row.ranked().score(), row.ranked().rank(),
                        row.organization().id() == anchor.id()))
                .toList();
        ScoreTable table = reads.table();
        Framework framework = framework(table, year);
        // One band per distinct threshold on the total (ผ่านดี and ผ่าน share 85: the better name is kept).
        List<ChartData.Band> bands = new ArrayList<>();
        for (LevelRule level : framework.levelScheme().levels()) {
            if (bands.isEmpty() || bands.get(bands.size() - 1).min() != level.minTotal()) {
                bands.add(new ChartData.Band(level.nameTh(), level.nameEn(), level.minTotal()));
            }
        }
        Metric measured = framework.resolve(metric).orElseThrow(() -> ItaException.invalidInput(
                Message.of("problem.unknownMetric", "metric", metric, "year", year)));
        return new ChartData.Ranking(caption(Message.of("chart.ranking.title", "metric", name(measured), "year", year),
                Message.of("chart.ranking.data", "year", year, "group", group(anchor, group), "source", source(reads, table))), bars, bands, topBottom);
    }

    private static Framework framework(ScoreTable table, int year) {
        return table.framework(year).orElseThrow(() -> ItaException.notFound(Message.of("problem.noScoresInYear", "year", year)));
    }

    /** The members of a peer group, named: "อปท. ในจังหวัดเชียงราย" / "LAOs of Chiang Rai". */
    private Message group(Organization anchor, PeerGroup group) {
        Localized type = new Localized(anchor.type().nameTh(), anchor.type().nameEn());
        return switch (group) {
            case PROVINCE -> provincePeers(anchor.provinceCode());
            case PROVINCE_TYPE -> Message.of("chart.group.PROVINCE_TYPE", "type", type, "province", province(anchor.provinceCode()));
            case NATION_TYPE -> Message.of("chart.group.NATION_TYPE", "type", type);
        };
    }

    private Message provincePeers(String provinceCode) {
        return Message.of("chart.group.PROVINCE", "province", province(provinceCode));
    }

    /** The metrics a trend draws, from the table's frameworks (TableMetrics), each named by the newest framework that has it. */
    private static List<Metric> trendMetrics(ScoreTable table, String what) {
        List<String> codes = switch (what) {
            case "total" -> List.of(Metric.TOTAL);
            case "tools" -> th.ita.analytics.table.TableMetrics.toolCodes(table);
            case "indicators" -> th.ita.analytics.table.TableMetrics.indicatorCodes(table);
            default -> throw ItaException.invalidInput(Message.of("problem.invalidField", "field", "metrics", "value", what,
                    "reason", Message.of("validation.oneOf", "values", "total, tools, indicators")));
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
        int index = indexOf(table, organization);
        List<Metric> metrics = trendMetrics(table, what);
        for (Metric metric : metrics) {
            reads.requireMetric(organization, metric.code());
        }
        int[] peers = PeerGroup.PROVINCE.members(table, organization);
        int smallest = Integer.MAX_VALUE;
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
            // A year's median only where that year's group is large enough for the caller to see its statistics.
            Map<Integer, PeerSpread.Spread> spreads = table.memo("chart-spread-by-year|" + PeerGroup.PROVINCE.key(organization) + "|" + metric.code(),
                    () -> spreadByYear(table, metric.code(), peers));
            Map<Integer, Double> medians = new LinkedHashMap<>();
            for (Map.Entry<Integer, PeerSpread.Spread> spread : spreads.entrySet()) {
                if (statisticsShown(reads, spread.getValue().count())) {
                    medians.put(spread.getKey(), spread.getValue().median());
                } else {
                    smallest = Math.min(smallest, spread.getValue().count());
                }
            }
            ChartData.Label name = metric.code().equals(Metric.TOTAL) || metric.kind().name().equals("TOOL")
                    ? ChartData.Label.of(metric.code().equals(Metric.TOTAL) ? metric.nameTh() : metric.code(), metric.code().equals(Metric.TOTAL) ? metric.nameEn() : metric.code())
                    : ChartData.Label.of(metric.code() + " " + metric.nameTh(), metric.code() + " " + metric.nameEn());
            series.add(new ChartData.Trend.Series(metric.code(), name, values, medians));
        }
        int lastYear = table.years().isEmpty() ? 0 : table.years().get(table.years().size() - 1);
        String range = (first == null ? "-" : first) + "–" + lastYear;
        Message peerGroup = provincePeers(organization.provinceCode());
        Message data = smallest == Integer.MAX_VALUE
                ? Message.of("chart.trend.data", "years", range, "group", peerGroup, "source", source(reads, table))
                : Message.of("chart.trend.dataWithheld", "years", range, "group", peerGroup, "withheld", withheld(smallest), "source", source(reads, table));
        return new ChartData.Trend(caption(Message.of("chart.trend.title", "organization", organization.fullNameTh()), data),
                organization.fullNameTh(), label(peerGroup), series, breaks);
    }

    /** The members' spread of a metric in each year of the table that has values, oldest year first. */
    private static Map<Integer, PeerSpread.Spread> spreadByYear(ScoreTable table, String metric, int[] members) {
        Map<Integer, PeerSpread.Spread> spreads = new LinkedHashMap<>();
        for (int year : table.years()) {
            PeerSpread.of(table, year, metric, members).ifPresent(spread -> spreads.put(year, spread));
        }
        return spreads;
    }

    private static int indexOf(ScoreTable table, Organization organization) {
        return table.indexOf(organization.id()).orElseThrow(() -> ItaException.notFound(
                Message.of("problem.organizationHasNoScores", "organization", organization.fullNameTh())));
    }

    ChartData.Profile profile(ScopedData.Reads reads, Organization organization, int year) {
        reads.requireDetail(organization);
        ScoreTable table = reads.table();
        int index = indexOf(table, organization);
        Framework framework = framework(table, year);
        int[] peers = PeerGroup.PROVINCE.members(table, organization);
        boolean detail = reads.scope().canSeePeersDetail();
        int smallest = Integer.MAX_VALUE;
        List<ChartData.Profile.Indicator> indicators = new ArrayList<>();
        for (Indicator indicator : framework.indicators()) {
            double value = table.value(year, indicator.code(), index);
            Optional<PeerSpread.Spread> spread = table.memo("chart-spread|" + PeerGroup.PROVINCE.key(organization) + "|" + year + "|" + indicator.code(),
                    () -> PeerSpread.of(table, year, indicator.code(), peers));
            if (spread.isPresent() && !statisticsShown(reads, spread.get().count())) {
                smallest = Math.min(smallest, spread.get().count());
            }
            ChartData.Spread shown = spread.filter(s -> statisticsShown(reads, s.count()))
                    // The lowest and highest are one peer's own scores: only for those who may see peers' detail.
                    .map(s -> new ChartData.Spread(s.count(), detail ? s.min() : null, s.firstQuartile(), s.median(), s.thirdQuartile(), detail ? s.max() : null))
                    .orElse(null);
            indicators.add(new ChartData.Profile.Indicator(indicator.code(), ChartData.Label.of(indicator.nameTh(), indicator.nameEn()),
                    Double.isNaN(value) ? null : value, shown));
        }
        Message peerGroup = provincePeers(organization.provinceCode());
        Message data = smallest == Integer.MAX_VALUE
                ? Message.of("chart.profile.data", "year", year, "group", peerGroup, "source", source(reads, table))
                : Message.of("chart.profile.dataWithheld", "year", year, "group", peerGroup, "withheld", withheld(smallest), "source", source(reads, table));
        return new ChartData.Profile(caption(Message.of("chart.profile.title", "organization", organization.fullNameTh(), "year", year), data),
                organization.fullNameTh(), label(peerGroup), indicators);
    }

    ChartData.Distribution distribution(ScopedData.Reads reads, String provinceCode, int year, Organization point) {
        reads.requirePeerDetail();
        ScoreTable table = reads.table();
        int[] members = reads.provinceMembers(table, provinceCode);
        Framework framework = framework(table, year);
        Integer pointIndex = point == null ? null : table.indexOf(point.id()).orElse(null);
        List<ChartData.Distribution.Box> boxes = new ArrayList<>();
        for (Indicator indicator : framework.indicators()) {
            double[] column = table.column(year, indicator.code()).orElseThrow();
            List<Double> values = Arrays.stream(members).mapToDouble(i -> column[i]).filter(v -> !Double.isNaN(v)).boxed().toList();
            Double mark = pointIndex == null || Double.isNaN(column[pointIndex]) ? null : column[pointIndex];
            boxes.add(new ChartData.Distribution.Box(ChartData.Label.of(indicator.nameTh(), indicator.nameEn()), values, mark));
        }
        return new ChartData.Distribution(caption(Message.of("chart.distribution.title", "province", province(provinceCode), "year", year),
                Message.of("chart.distribution.data", "year", year, "province", province(provinceCode), "count", members.length, "source", source(reads, table))),
                label(Message.of("chart.axis.score")), point == null ? null : point.fullNameTh(), boxes);
    }

    /** One box per province the caller may see, on one metric, best median first, with the organization's point in its province. */
    ChartData.Distribution provincesSideBySide(ScopedData.Reads reads, int year, String metric, Organization point) {
        String code = reads.aggregateMetric(year, metric);
        ScoreTable table = reads.table();
        Framework framework = framework(table, year);
        Metric measured = framework.metric(code).orElseThrow(() -> ItaException.notFound(Message.of("problem.noScoresInYear", "year", year)));
        double[] column = table.column(year, code).orElseThrow(() -> ItaException.notFound(Message.of("problem.noScoresInYear", "year", year)));
        int[] visible = reads.visibleMembers(table);
        Integer pointIndex = point == null ? null : table.indexOf(point.id()).orElse(null);
        int withheld = 0;
        List<ChartData.Distribution.Box> boxes = new ArrayList<>();
        Map<ChartData.Distribution.Box, Double> medians = new HashMap<>();
        for (Province province : geography.provinces()) {
            double[] values = Arrays.stream(visible).filter(i -> table.organization(i).provinceCode().equals(province.code()))
                    .mapToDouble(i -> column[i]).filter(v -> !Double.isNaN(v)).toArray();
            if (values.length > 0 && !statisticsShown(reads, values.length)) {
                withheld++;
            } else if (values.length > 0) {
                Double mark = pointIndex != null && point.provinceCode().equals(province.code()) && !Double.isNaN(column[pointIndex]) ? column[pointIndex] : null;
                ChartData.Distribution.Box box = new ChartData.Distribution.Box(ChartData.Label.of(province.nameTh(), province.nameEn()),
                        Arrays.stream(values).boxed().toList(), mark);
                boxes.add(box);
                medians.put(box, PeerSpread.of(values).orElseThrow().median());
            }
        }
        boxes.sort(Comparator.comparingDouble((ChartData.Distribution.Box box) -> medians.get(box)).reversed());
        Message data = withheld == 0
                ? Message.of("chart.provinces.data", "year", year, "count", boxes.size(), "source", source(reads, table))
                : Message.of("chart.provinces.dataWithheld", "year", year, "count", boxes.size(), "withheld", withheld, "minimum", minimumGroupSize,
                        "source", source(reads, table));
        return new ChartData.Distribution(caption(Message.of("chart.provinces.title", "metric", name(measured), "year", year), data),
                ChartData.Label.of(measured.nameTh(), measured.nameEn()), point == null ? null : point.fullNameTh(), boxes);
    }

    ChartData.Heatmap heatmap(ScopedData.Reads reads, String provinceCode, int year, Organization highlighted) {
        reads.requirePeerDetail();
        ScoreTable table = reads.table();
        int[] members = reads.provinceMembers(table, provinceCode);
        Framework framework = framework(table, year);
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
        return new ChartData.Heatmap(caption(Message.of("chart.heatmap.title", "province", province(provinceCode), "year", year),
                Message.of("chart.heatmap.data", "year", year, "count", order.length, "source", source(reads, table))),
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
            return new ChartData.Levels(caption(Message.of("chart.levels.byYear.title", "province", province(provinceCode)),
                    Message.of("chart.levels.byYear.data", "group", provincePeers(provinceCode), "source", source(reads, table))),
                    List.copyOf(levels.values()), groups);
        }
        if (year == null) {
            throw ItaException.invalidInput(Message.of("problem.chart.levelsNeedYearOrProvince"));
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
        return new ChartData.Levels(caption(Message.of("chart.levels.byProvince.title", "year", year),
                Message.of("chart.levels.byProvince.data", "year", year, "source", source(reads, table))), order, groups);
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
