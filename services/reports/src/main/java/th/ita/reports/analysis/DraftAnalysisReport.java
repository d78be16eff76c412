package th.ita.reports.analysis;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import th.ita.analytics.ranking.PeerGroup;
import th.ita.analytics.ranking.RankPeers;
import th.ita.analytics.table.ScoreTable;
import th.ita.analytics.weakness.FindWeaknesses;
import th.ita.charts.ChartData;
import th.ita.charts.ChartOptions;
import th.ita.charts.DrawCharts;
import th.ita.charts.RenderedChart;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Indicator;
import th.ita.core.framework.LevelAssessment;
import th.ita.core.framework.Metric;
import th.ita.core.framework.Tool;
import th.ita.core.geography.District;
import th.ita.core.geography.Geography;
import th.ita.core.geography.Province;
import th.ita.core.organization.Organization;
import th.ita.core.score.Scores;
import th.ita.reports.ThaiDocumentText;

/**
 * Drafts the analysis report of an organization-year from the tenant's scores (use case). The rules,
 * which follow what the published reports do by hand:
 * <ul>
 *   <li>published and derived: the total, level and rank printed are those ITA published, where a source
 *       gave them (the {@code reported_level} and {@code reported_rank} facts, the reported total); where the
 *       platform's own computation disagrees (the total from the tools, the year's rules on the figures, the
 *       rank among the organizations held), both are printed side by side, as the platform's findings do;</li>
 *   <li>rank: among every organization of the province with a total that year (the group seed 002 names:
 *       "หน่วยงานประเภทองค์กรปกครองส่วนท้องถิ่นในจังหวัดเชียงราย");</li>
 *   <li>weak and strong indicators: as {@link FindWeaknesses} finds them (weak: below 85, lowest of its
 *       tool, more than 5 below the province median, or falling two years running; strong: above 90 and
 *       never weak);</li>
 *   <li>ข้อบกพร่อง and ข้อที่ต้องพัฒนา: for every indicator with a score that is not strong; รักษาระดับ: for a strong one;</li>
 *   <li>lowest items: the items scoring the indicator's lowest item score, when that is below 100;</li>
 *   <li>measures: one per weak indicator (the framework's measure and steps) and one per item below 85
 *       (publishing it, for an OIT checklist item; raising it, for a survey item), for the next fiscal
 *       year, 1 October – 30 September, owner blank.</li>
 * </ul>
 */
public final class DraftAnalysisReport {
    /** Charts are laid out at 640 × 400 and drawn three times as large: 1920 px over 16 cm, about 300 dpi. */
    static final int CHART_WIDTH = 640;
    static final int CHART_HEIGHT = 400;
    static final int CHART_SCALE = 3;
    static final double CHART_PRINT_WIDTH_CM = 16;
    private static final double ITEM_THRESHOLD = 85;

    private final Geography geography;
    private final FindWeaknesses findWeaknesses;
    private final RankPeers rankPeers;

    public DraftAnalysisReport(Geography geography, FindWeaknesses.Settings settings, double closeCallMargin) {
        this.geography = requireNonNull(geography, "geography is null");
        this.findWeaknesses = new FindWeaknesses(settings);
        this.rankPeers = new RankPeers(closeCallMargin);
    }

    /** How to draft: whether to draw the trend charts, their digits, and the date printed on them. */
    public record Options(boolean charts, boolean thaiDigits, LocalDate drawnOn) {
        public Options {
            requireNonNull(drawnOn, "drawnOn is null");
        }
    }

    /** @param organization the organization's index in the table */
    public AnalysisReport draft(ScoreTable table, int organization, int year, Options options) {
        Organization subject = table.organization(organization);
        Framework framework = table.framework(year)
                .orElseThrow(() -> ItaException.notFound(th.ita.core.message.Message.of("problem.noScoresInYear", "year", year)));
        double total = table.value(year, Metric.TOTAL, organization);
        if (Double.isNaN(total)) {
            throw ItaException.notFound(subject.fullNameTh() + " has no total in " + year);
        }
        String provinceTh = geography.provinceByCode(subject.provinceCode()).map(Province::nameTh).orElse(subject.provinceCode());
        String districtTh = subject.districtCode() == null ? ""
                : geography.district(subject.provinceCode(), subject.districtCode()).map(District::nameTh).orElse("");
        int nextYear = year + 1;
        FindWeaknesses.Result weaknesses = findWeaknesses.find(table, organization, year,
                new FindWeaknesses.Peers(PeerGroup.PROVINCE.key(subject), PeerGroup.PROVINCE.members(table, subject)));
        Map<String, FindWeaknesses.Weakness> weak = new LinkedHashMap<>();
        weaknesses.weaknesses().forEach(w -> weak.put(w.indicator(), w));
        java.util.Set<String> strong = new java.util.HashSet<>();
        weaknesses.strengths().forEach(s -> strong.add(s.indicator()));

        List<AnalysisReport.ToolRow> tools = new ArrayList<>();
        List<AnalysisReport.IndicatorSection> sections = new ArrayList<>();
        List<AnalysisReport.Measure> measures = new ArrayList<>();
        String period = ThaiDocumentText.fiscalYearPeriod(nextYear);
        for (Tool tool : framework.tools()) {
            List<AnalysisReport.IndicatorRow> rows = new ArrayList<>();
            for (Indicator indicator : tool.indicators()) {
                Double score = valueOf(table, year, indicator.code(), organization);
                rows.add(new AnalysisReport.IndicatorRow(indicator.code(), indicator.number(), indicator.nameTh(), score,
                        valueOf(table, year - 1, indicator.code(), organization)));
                AnalysisReport.IndicatorSection section = section(table, framework, organization, year, indicator, score, weak.get(indicator.code()),
                        strong.contains(indicator.code()));
                sections.add(section);
                FindWeaknesses.Weakness weakness = weak.get(indicator.code());
                if (weakness != null) {
                    measures.add(new AnalysisReport.Measure(indicator.code(), indicatorTitle(indicator), score, indicator.measureTh(),
                            analysis(indicator, weakness, section), indicator.stepsTh(), period, ""));
                }
                for (AnalysisReport.Item item : section.items()) {
                    if (item.score() != null && item.score() < ITEM_THRESHOLD) {
                        measures.add(itemMeasure(tool, indicator, item, period));
                    }
                }
            }
            tools.add(new AnalysisReport.ToolRow(tool.code(), tool.nameTh(), tool.weight(), valueOf(table, year, tool.code(), organization), rows));
        }

        AnalysisReport.Result result = result(table, framework, subject, organization, year, provinceTh);
        return new AnalysisReport(memo(subject, districtTh, provinceTh, year, nextYear), subject.code(), subject.fullNameTh(), districtTh, provinceTh,
                year, nextYear, result, tools, options.charts() ? charts(table, subject, organization, year, options) : List.of(), sections, measures,
                methodologyNotes(table, organization, year));
    }

    /**
     * The headline as published, beside the platform's own figures where they differ. On the table's
     * REPORTED basis its values are the published ones and {@code otherValue} the derived ones; on DERIVED
     * the other way round.
     */
    private AnalysisReport.Result result(ScoreTable table, Framework framework, Organization subject, int organization, int year, String provinceTh) {
        boolean reportedBasis = table.basis() == ScoreTable.Basis.REPORTED;
        double total = published(table, year, Metric.TOTAL, organization, reportedBasis);
        double derivedTotal = derived(table, year, Metric.TOTAL, organization, reportedBasis);
        Map<String, Double> toolScores = new LinkedHashMap<>();
        for (Tool tool : framework.tools()) {
            double score = published(table, year, tool.code(), organization, reportedBasis);
            toolScores.put(tool.code(), Double.isNaN(score) ? null : score);
        }
        List<AnalysisReport.Disagreement> disagreements = new ArrayList<>();
        if (Scores.round(total) != Scores.round(derivedTotal)) {
            disagreements.add(new AnalysisReport.Disagreement("คะแนนรวม", Scores.format(total), Scores.format(derivedTotal),
                    "คำนวณจากคะแนนรายเครื่องมือ (IIT × 0.3 + EIT × 0.3 + OIT × 0.4)"));
        }

        // The level: the year's rules on the published figures; the published level where a source gave one.
        boolean judgeable = framework.levelScheme().levels().stream().noneMatch(rule -> rule.minEachTool().isPresent())
                || toolScores.values().stream().allMatch(java.util.Objects::nonNull);
        LevelAssessment rules = framework.levelScheme().assess(total, toolScores);
        Optional<th.ita.core.framework.LevelRule> publishedLevel = table.reportedLevel(year, organization);
        String levelTh = rules.level().nameTh();
        String reasonTh = rules.reasonTh();
        if (publishedLevel.isPresent() && (!judgeable || !publishedLevel.get().code().equals(rules.level().code()))) {
            levelTh = publishedLevel.get().nameTh();
            reasonTh = "ระดับตามที่ประกาศ";
            if (judgeable) {
                disagreements.add(new AnalysisReport.Disagreement("ระดับผลการประเมิน", publishedLevel.get().nameTh(), rules.level().nameTh(),
                        "ตามเกณฑ์ของปี " + year + " จากคะแนนที่ประกาศ: " + rules.reasonTh()));
            }
        }

        AnalysisReport.Rank computed = rank(table, subject, organization, year, provinceTh);
        java.util.OptionalInt publishedRank = table.reportedRank(year, organization);
        AnalysisReport.Rank rank = computed;
        if (publishedRank.isPresent()) {
            boolean agrees = publishedRank.getAsInt() == computed.rank();
            rank = new AnalysisReport.Rank(publishedRank.getAsInt(), agrees ? computed.groupSize() : null, computed.groupTh(), true);
            if (!agrees) {
                disagreements.add(new AnalysisReport.Disagreement("ลำดับในจังหวัด", Integer.toString(publishedRank.getAsInt()),
                        computed.rank() + " จาก " + computed.groupSize() + " หน่วยงาน",
                        "ลำดับที่ประกาศจัดโดยสำนักงาน ป.ป.ช. จากคะแนนรวมที่ประกาศของ อปท. ทุกแห่งในจังหวัด ลำดับที่คำนวณนับเฉพาะ "
                                + computed.groupSize() + " หน่วยงานที่มีข้อมูลในระบบ"));
            }
        }
        Double previous = valueOf(table, year - 1, Metric.TOTAL, organization);
        return new AnalysisReport.Result(total, levelTh, reasonTh, rank, previous == null ? null : year - 1, previous,
                previous == null ? null : Scores.round(total - previous), disagreements);
    }

    private static double published(ScoreTable table, int year, String metric, int organization, boolean reportedBasis) {
        double other = table.otherValue(year, metric, organization);
        return reportedBasis || Double.isNaN(other) ? table.value(year, metric, organization) : other;
    }

    private static double derived(ScoreTable table, int year, String metric, int organization, boolean reportedBasis) {
        double other = table.otherValue(year, metric, organization);
        return !reportedBasis || Double.isNaN(other) ? table.value(year, metric, organization) : other;
    }

    private static Double valueOf(ScoreTable table, int year, String metric, int organization) {
        double value = table.value(year, metric, organization);
        return Double.isNaN(value) ? null : value;
    }

    private AnalysisReport.IndicatorSection section(ScoreTable table, Framework framework, int organization, int year, Indicator indicator,
                                                    Double score, FindWeaknesses.Weakness weakness, boolean strong) {
        List<Metric> itemMetrics = framework.childrenOf(framework.metric(indicator.code()).orElseThrow());
        double lowest = Double.POSITIVE_INFINITY;
        for (Metric item : itemMetrics) {
            double value = table.value(year, item.code(), organization);
            if (!Double.isNaN(value)) {
                lowest = Math.min(lowest, value);
            }
        }
        List<AnalysisReport.Item> items = new ArrayList<>();
        for (Metric item : itemMetrics) {
            Double value = valueOf(table, year, item.code(), organization);
            items.add(new AnalysisReport.Item(item.code(), item.groupTh(), item.nameTh(), value, value != null && value == lowest && lowest < 100));
        }
        List<AnalysisReport.Group> groups = framework.groupsOf(framework.metric(indicator.code()).orElseThrow()).stream()
                .map(group -> new AnalysisReport.Group(group.code(), group.nameTh(), valueOf(table, year, group.code(), organization))).toList();
        boolean toDevelop = weakness != null || (score != null && !strong);
        return new AnalysisReport.IndicatorSection(indicator.code(), indicator.number(), indicator.nameTh(), indicator.toolCode(), score,
                weakness != null, strong, items, groups, toDevelop ? indicator.defectTh() : "", toDevelop ? indicator.guidanceTh() : "",
                strong ? indicator.keepLevelTh() : "");
    }

    private static String indicatorTitle(Indicator indicator) {
        return "ตัวชี้วัดที่ " + indicator.number() + " " + indicator.nameTh();
    }

    /** Why the indicator needs a measure, in the report's words. */
    private static String analysis(Indicator indicator, FindWeaknesses.Weakness weakness, AnalysisReport.IndicatorSection section) {
        List<String> reasons = new ArrayList<>();
        for (FindWeaknesses.Reason reason : weakness.reasons()) {
            reasons.add(switch (reason) {
                case BELOW_THRESHOLD -> "ต่ำกว่าค่าเป้าหมาย 85 คะแนน";
                case LOWEST_OF_TOOL -> "ต่ำที่สุดของเครื่องมือ " + weakness.tool();
                case BELOW_PEER_MEDIAN -> "ต่ำกว่าค่ามัธยฐานของ อปท. ในจังหวัด (" + Scores.format(weakness.peerMedian()) + ") เกิน 5 คะแนน";
                case FALLING -> "คะแนนลดลงสองปีติดต่อกัน";
            });
        }
        StringBuilder text = new StringBuilder(indicatorTitle(indicator) + " ได้ " + Scores.format(weakness.score()) + " คะแนน "
                + String.join(" และ", reasons));
        List<String> lowest = section.items().stream().filter(AnalysisReport.Item::lowest)
                .map(item -> item.code() + " (" + Scores.format(item.score()) + ")").toList();
        if (!lowest.isEmpty()) {
            text.append(" ข้อที่ได้คะแนนต่ำสุด ").append(String.join(", ", lowest));
        }
        return text.toString();
    }

    /** An OIT item is a document to publish; a survey item is a perception to raise through its indicator's measure. */
    private static AnalysisReport.Measure itemMeasure(Tool tool, Indicator indicator, AnalysisReport.Item item, String period) {
        boolean checklist = tool.code().equals("OIT");
        String measure = checklist
                ? "จัดทำและเผยแพร่ข้อมูล " + item.code() + " " + item.textTh() + " บนเว็บไซต์ของหน่วยงานให้ครบถ้วนตามเกณฑ์การประเมิน"
                : "ยกระดับข้อ " + item.code() + " " + item.textTh();
        String steps = checklist
                ? "1. มอบหมายผู้รับผิดชอบจัดทำข้อมูลตามองค์ประกอบของข้อ " + item.code() + " 2. เผยแพร่บนเว็บไซต์หลักของหน่วยงานภายในกำหนดเวลาของการประเมิน"
                + " 3. ตรวจสอบความครบถ้วนและความเป็นปัจจุบันของข้อมูลก่อนส่งการประเมิน"
                : indicator.stepsTh();
        String analysis = "ข้อ " + item.code() + " ของ" + indicatorTitle(indicator) + " ได้ " + Scores.format(item.score())
                + " คะแนน ต่ำกว่าค่าเป้าหมาย 85 คะแนน";
        return new AnalysisReport.Measure(item.code(), "ข้อ " + item.code() + " " + item.textTh(), item.score(), measure, analysis, steps, period, "");
    }

    private AnalysisReport.Rank rank(ScoreTable table, Organization subject, int organization, int year, String provinceTh) {
        int[] members = PeerGroup.PROVINCE.members(table, subject);
        List<RankPeers.Ranked> ranked = table.memo("report-rank|" + year + "|" + PeerGroup.PROVINCE.key(subject), () -> {
            double[] column = table.column(year, Metric.TOTAL).orElse(new double[0]);
            List<RankPeers.Member> scored = new ArrayList<>();
            for (int member : members) {
                if (member < column.length && !Double.isNaN(column[member])) {
                    scored.add(new RankPeers.Member(member, column[member]));
                }
            }
            return rankPeers.rank(scored, List.of());
        });
        RankPeers.Ranked own = ranked.stream().filter(r -> r.organizationId() == organization).findFirst().orElseThrow();
        return new AnalysisReport.Rank(own.rank(), own.groupSize(), "หน่วยงานประเภทองค์กรปกครองส่วนท้องถิ่นในจังหวัด" + provinceTh, false);
    }

    private static AnalysisReport.Memo memo(Organization organization, String districtTh, String provinceTh, int year, int nextYear) {
        String place = organization.fullNameTh() + (districtTh.isEmpty() ? "" : " อำเภอ" + districtTh) + " จังหวัด" + provinceTh;
        String subject = "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน ของ" + place + " ปีงบประมาณ พ.ศ. " + year
                + " เพื่อจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. " + nextYear;
        return new AnalysisReport.Memo("สำนักปลัด" + place, subject, head(organization));
    }

    /** The head of the organization the memo is addressed to. */
    static String head(Organization organization) {
        return switch (organization.type()) {
            case SUBDISTRICT_MUNICIPALITY -> "นายกเทศมนตรีตำบล" + organization.nameTh();
            case TOWN_MUNICIPALITY -> "นายกเทศมนตรีเมือง" + organization.nameTh();
            case CITY_MUNICIPALITY -> "นายกเทศมนตรีนคร" + organization.nameTh();
            case SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION -> "นายกองค์การบริหารส่วนตำบล" + organization.nameTh();
            case PROVINCIAL_ADMINISTRATIVE_ORGANIZATION -> "นายกองค์การบริหารส่วนจังหวัด" + organization.nameTh();
            case SPECIAL -> organization.nameTh().contains("กรุงเทพ") ? "ผู้ว่าราชการกรุงเทพมหานคร" : "นายก" + organization.nameTh();
        };
    }

    /** The methodology changes of every year after the first one held, up to the report's year. */
    private static List<String> methodologyNotes(ScoreTable table, int organization, int year) {
        List<String> notes = new ArrayList<>();
        Integer first = null;
        for (int y : table.years()) {
            if (y > year) {
                break;
            }
            if (Double.isNaN(table.value(y, Metric.TOTAL, organization))) {
                continue;
            }
            if (first == null) {
                first = y;
                continue;
            }
            for (Framework.MethodologyChange change : table.framework(y).orElseThrow().methodologyChanges()) {
                notes.add("ปี " + y + ": " + change.th() + (change.toConfirm() ? " (รอยืนยัน)" : ""));
            }
        }
        return notes;
    }

    private List<AnalysisReport.Chart> charts(ScoreTable table, Organization subject, int organization, int year, Options options) {
        DrawCharts draw = new DrawCharts(options.drawnOn());
        ChartOptions chartOptions = new ChartOptions(CHART_WIDTH, CHART_HEIGHT, ChartOptions.Format.PNG, ChartOptions.Language.TH,
                options.thaiDigits() ? ChartOptions.Digits.THAI : ChartOptions.Digits.ARABIC);
        List<AnalysisReport.Chart> charts = new ArrayList<>();
        List<String> toolsAndTotal = new ArrayList<>(List.of(Metric.TOTAL));
        table.framework(year).orElseThrow().tools().forEach(tool -> toolsAndTotal.add(tool.code()));
        List<String> indicators = table.framework(year).orElseThrow().indicators().stream().map(Indicator::code).toList();
        for (ChartData.Trend trend : List.of(
                trend(table, subject, organization, year, toolsAndTotal, "ผลการประเมินรายเครื่องมือของ" + subject.fullNameTh(), true),
                trend(table, subject, organization, year, indicators, "ผลการประเมินรายตัวชี้วัดของ" + subject.fullNameTh(), false))) {
            RenderedChart png = draw.drawForPrint(trend, chartOptions, CHART_SCALE);
            charts.add(new AnalysisReport.Chart(trend.caption().titleTh(), trend.altText(chartOptions), png.bytes(), CHART_WIDTH * CHART_SCALE,
                    CHART_HEIGHT * CHART_SCALE, CHART_PRINT_WIDTH_CM));
        }
        return charts;
    }

    /** The metrics over every year held up to the report's year; with {@code median}, the province median of the first beside them. */
    private static ChartData.Trend trend(ScoreTable table, Organization subject, int organization, int year, List<String> metrics, String title,
                                         boolean withMedian) {
        int[] peers = PeerGroup.PROVINCE.members(table, subject);
        Map<String, Map<Integer, Double>> values = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<Integer, Double> median = new TreeMap<>();
        List<Integer> breaks = new ArrayList<>();
        Integer first = null;
        for (int y : table.years()) {
            if (y > year) {
                break;
            }
            Framework framework = table.framework(y).orElseThrow();
            for (String metric : metrics) {
                double value = table.value(y, metric, organization);
                if (!Double.isNaN(value)) {
                    String name = framework.metric(metric).map(m -> switch (m.kind()) {
                        case TOTAL -> "คะแนนรวม";
                        case TOOL -> m.code();
                        default -> m.code().replace("ind", "ตัวชี้วัดที่ ");
                    }).orElse(metric);
                    names.putIfAbsent(metric, name);
                    values.computeIfAbsent(metric, n -> new TreeMap<>()).put(y, value);
                    first = first == null ? y : first;
                }
            }
            double[] column = withMedian ? table.column(y, metrics.get(0)).orElse(null) : null;
            if (column != null) {
                double[] peerValues = Arrays.stream(peers).mapToDouble(i -> column[i]).filter(v -> !Double.isNaN(v)).toArray();
                if (peerValues.length > 0) {
                    median.put(y, new Median().evaluate(peerValues));
                }
            }
            if (first != null && y > first && !framework.methodologyChanges().isEmpty()) {
                breaks.add(y);
            }
        }
        List<ChartData.Trend.Series> series = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Double>> entry : values.entrySet()) {
            boolean firstMetric = entry.getKey().equals(metrics.get(0));
            series.add(new ChartData.Trend.Series(entry.getKey(), ChartData.Label.of(names.get(entry.getKey()), entry.getKey()), entry.getValue(),
                    firstMetric ? median : Map.of()));
        }
        String firstMetricName = table.framework(year).flatMap(f -> f.metric(metrics.get(0))).map(Metric::nameTh).orElse(metrics.get(0));
        String years = "ปี " + (first == null ? year : first) + "–" + year;
        return new ChartData.Trend(new ChartData.Caption(title, title, withMedian ? years + " | ค่ากลาง: มัธยฐาน" + firstMetricName + "ของ อปท. ในจังหวัด" : years,
                "years to " + year), subject.fullNameTh(), ChartData.Label.of("อปท. ในจังหวัด", "LAOs of the province"), series, breaks);
    }
}
