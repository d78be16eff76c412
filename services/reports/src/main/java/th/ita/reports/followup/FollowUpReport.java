package th.ita.reports.followup;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The report on how one fiscal year's measures went (รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและ
 * ความโปร่งใสภายในหน่วยงาน), in the shape organizations publish it: for each measure its method, owner,
 * period, result and a recommendation; and, once the next ITA result is loaded, the effect: the change
 * of the measure's indicator or item from the year it was planned on ({@code fiscalYear - 1}) to
 * {@code fiscalYear}.
 */
public record FollowUpReport(String organizationCode, String organizationTh, String districtTh, String provinceTh, int fiscalYear,
                             List<Row> rows) {
    public FollowUpReport {
        requireNonNull(organizationCode, "organizationCode is null");
        rows = List.copyOf(rows);
    }

    /** One measure as recorded, with the scores of its target before and after (null where not loaded). */
    public record Row(String targetCode, String targetTh, String titleTh, String methodTh, String ownerTh, String periodTh, MeasureStatus status,
                      String resultTh, String evidenceUrl, Double before, Double after, Double change, String recommendationTh) {
    }
}
