package th.ita.reports.followup;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Metric;
import th.ita.core.framework.MetricKind;
import th.ita.core.geography.District;
import th.ita.core.geography.Geography;
import th.ita.core.geography.Province;
import th.ita.core.organization.Organization;
import th.ita.core.score.Scores;

/**
 * Drafts the follow-up report of an organization's measures of one fiscal year (use case). The effect
 * of a measure is the change of its target (indicator or item) from the year the measure was planned on
 * to the measure's fiscal year, where both are loaded. The recommendation follows from the status and
 * the effect: finish what is not done; keep a measure that went with a rise; review one that did not;
 * wait for the year's result where it is not loaded yet.
 */
public final class DraftFollowUpReport {
    private final Geography geography;

    public DraftFollowUpReport(Geography geography) {
        this.geography = requireNonNull(geography, "geography is null");
    }

    /** A measure as the organization recorded it. */
    public record Recorded(String targetCode, String titleTh, String methodTh, String ownerTh, String periodTh, MeasureStatus status,
                           String resultTh, String evidenceUrl) {
    }

    /** The effect of a measure on its target: scores before and after, and the change (null where one is missing). */
    public record Effect(Double before, Double after, Double change) {
        public boolean improved() {
            return change != null && change > 0;
        }
    }

    public static Effect effect(ScoreTable table, int organization, int fiscalYear, String target) {
        Double before = value(table, fiscalYear - 1, target, organization);
        Double after = value(table, fiscalYear, target, organization);
        return new Effect(before, after, before == null || after == null ? null : Scores.round(after - before));
    }

    public FollowUpReport draft(ScoreTable table, int organization, int fiscalYear, List<Recorded> measures) {
        Organization subject = table.organization(organization);
        String provinceTh = geography.provinceByCode(subject.provinceCode()).map(Province::nameTh).orElse(subject.provinceCode());
        String districtTh = subject.districtCode() == null ? ""
                : geography.district(subject.provinceCode(), subject.districtCode()).map(District::nameTh).orElse("");
        List<FollowUpReport.Row> rows = new ArrayList<>();
        for (Recorded measure : measures) {
            Effect effect = effect(table, organization, fiscalYear, measure.targetCode());
            rows.add(new FollowUpReport.Row(measure.targetCode(), targetName(table, fiscalYear - 1, measure.targetCode()), measure.titleTh(),
                    measure.methodTh(), measure.ownerTh(), measure.periodTh(), measure.status(), measure.resultTh(), measure.evidenceUrl(),
                    effect.before(), effect.after(), effect.change(), recommendation(measure.status(), effect, fiscalYear)));
        }
        return new FollowUpReport(subject.code(), subject.fullNameTh(), districtTh, provinceTh, fiscalYear, rows);
    }

    static String recommendation(MeasureStatus status, Effect effect, int fiscalYear) {
        if (status == MeasureStatus.CANCELLED) {
            return "ทบทวนความจำเป็นของมาตรการและกำหนดมาตรการทดแทนในปีถัดไป";
        }
        if (status != MeasureStatus.DONE) {
            return "เร่งดำเนินการให้แล้วเสร็จภายในปีงบประมาณ และรายงานผลพร้อมหลักฐาน";
        }
        if (effect.change() == null) {
            return "ติดตามผลการประเมิน ITA ปี " + fiscalYear + " เพื่อวัดผลของมาตรการ";
        }
        return effect.improved()
                ? "คะแนนเพิ่มขึ้น " + Scores.format(effect.change()) + " คะแนน ควรดำเนินมาตรการนี้อย่างต่อเนื่อง"
                : "คะแนนไม่เพิ่มขึ้น (" + Scores.format(effect.change()) + ") ควรทบทวนวิธีการดำเนินการของมาตรการ";
    }

    /** "ตัวชี้วัดที่ 10 การป้องกันการทุจริต" or "ข้อ o27 มาตรการ…", from the framework of the year planned on. */
    public static String targetName(ScoreTable table, int year, String code) {
        Framework framework = table.framework(year).orElse(null);
        Metric metric = framework == null ? null : framework.metric(code).orElse(null);
        if (metric == null) {
            return code;
        }
        if (metric.kind() == MetricKind.INDICATOR) {
            return framework.indicators().stream().filter(i -> i.code().equals(metric.code())).findFirst()
                    .map(i -> "ตัวชี้วัดที่ " + i.number() + " " + i.nameTh()).orElse(metric.nameTh());
        }
        return "ข้อ " + metric.code() + " " + metric.nameTh();
    }

    private static Double value(ScoreTable table, int year, String metric, int organization) {
        double value = table.value(year, metric, organization);
        return Double.isNaN(value) ? null : value;
    }
}
