package th.ita.reports.analysis;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The yearly analysis report of one organization (รายงานการวิเคราะห์ผลการประเมิน ITA), as its clerks write
 * it by hand today (seed 002): a memo header, the result, the tools and indicators, trend charts, each
 * indicator with its items and what to fix or keep, and next fiscal year's measures. Everything here is
 * data from the platform; what the organization must write itself (the memo's number and date, the
 * owners of measures, problems and obstacles, signatures) is left blank by the renderers.
 * Texts are Thai, as the document is; numbers are kept as numbers and written by the renderers.
 */
public record AnalysisReport(Memo memo, String organizationCode, String organizationTh, String districtTh, String provinceTh,
                             int year, int nextYear, Result result, List<ToolRow> tools, List<Chart> charts,
                             List<IndicatorSection> indicators, List<Measure> measures, List<String> methodologyNotes) {
    public AnalysisReport {
        requireNonNull(memo, "memo is null");
        requireNonNull(organizationCode, "organizationCode is null");
        requireNonNull(organizationTh, "organizationTh is null");
        requireNonNull(result, "result is null");
        tools = List.copyOf(tools);
        charts = List.copyOf(charts);
        indicators = List.copyOf(indicators);
        measures = List.copyOf(measures);
        methodologyNotes = List.copyOf(methodologyNotes);
    }

    /** ส่วนราชการ (the writing unit), เรื่อง (subject) and เรียน (the head of the organization); ที่ and วันที่ stay blank. */
    public record Memo(String agencyTh, String subjectTh, String addresseeTh) {
    }

    /**
     * The headline, as ITA published it where a source gave the published figures: total, level with its
     * reason, the rank in the province; the change of the total since the year before ({@code previousTotal}
     * and {@code change} null when that year has no total). {@code disagreements}: each published figure
     * the platform's own computation contradicts, both printed side by side (empty when they agree).
     */
    public record Result(Double total, String levelTh, String levelReasonTh, Rank rank, Integer previousYear, Double previousTotal, Double change,
                         List<Disagreement> disagreements) {
        public Result {
            disagreements = List.copyOf(disagreements);
        }
    }

    /**
     * Rank: standard competition ranking (ties share the best rank, 1-2-2-4) among the organizations of
     * the group with a total that year. {@code published}: the figure ITA published, not the platform's;
     * {@code groupSize} is then known only where the platform's own rank agrees (ITA publishes no count),
     * else null.
     */
    public record Rank(int rank, Integer groupSize, String groupTh, boolean published) {
    }

    /**
     * A published figure and what the platform computes from the figures below it, where they differ
     * (as the platform's findings name them): {@code itemTh} what (คะแนนรวม, ระดับผลการประเมิน, ลำดับในจังหวัด),
     * {@code noteTh} why they can differ. Numbers in Arabic digits; the renderers convert them.
     */
    public record Disagreement(String itemTh, String publishedTh, String derivedTh, String noteTh) {
    }

    public record ToolRow(String code, String nameTh, double weight, Double score, List<IndicatorRow> indicators) {
        public ToolRow {
            indicators = List.copyOf(indicators);
        }
    }

    public record IndicatorRow(String code, int number, String nameTh, Double score, Double previousScore) {
    }

    /** A chart as a PNG drawn for print, {@code widthPx} × {@code heightPx}, laid out at {@code printWidthCm}. */
    public record Chart(String titleTh, String altTh, byte[] png, int widthPx, int heightPx, double printWidthCm) {
    }

    /**
     * One indicator: its score, its items (lowest flagged), and the three analysis texts. {@code defectTh}
     * (ข้อบกพร่อง) and {@code developTh} (ข้อที่ต้องพัฒนา) are empty for an indicator that is neither weak nor
     * below 90 with items below the indicator; {@code keepLevelTh} (รักษาระดับ) is empty below 90.
     */
    public record IndicatorSection(String code, int number, String nameTh, String toolCode, Double score, boolean weak, boolean strong,
                                   List<Item> items, List<Group> groups, String defectTh, String developTh, String keepLevelTh) {
        public IndicatorSection {
            items = List.copyOf(items);
            groups = List.copyOf(groups);
        }

        /** The score of the group its items print under, by the heading the items name; null if unknown. */
        public Double groupScore(String groupTh) {
            return groups.stream().filter(group -> group.nameTh().equals(groupTh)).findFirst().map(Group::score).orElse(null);
        }
    }

    /** An item group of an indicator (the OIT's sub-indicators) and its score: as published, or its items' mean. */
    public record Group(String code, String nameTh, Double score) {
    }

    /** An item (ข้อ) of an indicator; {@code lowest}: the indicator's lowest-scoring item, below 100. */
    public record Item(String code, String groupTh, String textTh, Double score, boolean lowest) {
    }

    /** A measure for next fiscal year: for a weak indicator or a weak item; owner left for the organization. */
    public record Measure(String targetCode, String targetTh, Double score, String measureTh, String analysisTh, String stepsTh,
                          String periodTh, String ownerTh) {
    }
}
