package th.ita.app.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import th.ita.app.message.CodedText;
import th.ita.app.ranking.RankedOrganizationView;

/**
 * The analytics answers as the API serves them: explicit records of the API (the analytics module's
 * records stay free to change). Names and reasons come in the caller's language in the fields without
 * a language suffix ({@code name}, {@code reason}); {@code …Th}/{@code …En} keep both names of the
 * framework data, and codes stay the same in every language.
 */
public final class AnalyticsViews {
    private AnalyticsViews() {
    }

    /** A trend: the series, its least-squares slope, and methodology breaks named in the caller's language. */
    @Serdeable
    public record TrendView(String metric, List<PointView> points, @Nullable Double slope, @Nullable Double slopeStandardError,
                            @Nullable Double pValue, boolean significant) {
    }

    @Serdeable
    public record PointView(int year, double value, @Nullable Double change, boolean methodologyBreak, List<String> breakNotes,
                            List<ContributionView> contributions, @Nullable Double residual) {
    }

    @Serdeable
    public record ContributionView(String tool, double weight, double toolChange, double pointsOfTotal) {
    }

    /** {@code reasons} and {@code severity} are codes; {@code explanations} and {@code severityText} say them in words. */
    @Serdeable
    public record WeaknessView(String indicator, String nameTh, String nameEn, String name, String tool, double score, @Nullable Double peerMedian,
                               List<String> reasons, List<CodedText> explanations, String severity, String severityText,
                               List<DraggingItemView> draggingItems, String guidanceTh, String guidanceEn, String guidance) {
    }

    @Serdeable
    public record DraggingItemView(String item, String textTh, double score) {
    }

    @Serdeable
    public record StrengthView(String indicator, String nameTh, String nameEn, String name, double score) {
    }

    /** {@code peerStatisticsWithheld}: why the peers' medians are not shown (null when they are). */
    @Serdeable
    public record WeaknessesView(int year, List<WeaknessView> weaknesses, List<StrengthView> strengths, @Nullable CodedText peerStatisticsWithheld) {
    }

    /**
     * The level now (the published one where a source gave it), why, and what the next one takes. {@code figuresLevel}:
     * the level the figures below the total give, when it is worse (ทต.กระสัง: AA published, A on its tools); {@code next}
     * is measured from the worse of the two, so it is null only at the best level.
     */
    @Serdeable
    public record NextLevelView(int year, double total, String level, String levelTh, String levelName, String reasonTh, String reasonEn, String reason,
                                @Nullable String figuresLevel, @Nullable String figuresReason, @Nullable TargetView next, List<LeverView> levers) {
    }

    @Serdeable
    public record TargetView(String level, String nameTh, String nameEn, String name, double pointsOnTotal, List<ToolGapView> tools) {
    }

    @Serdeable
    public record ToolGapView(String tool, double score, double needed) {
    }

    @Serdeable
    public record LeverView(String indicator, String nameTh, String nameEn, String name, String tool, double score, double totalPerPoint, double headroom) {
    }

    /** {@code weaknesses} and {@code nextLevel} are null for a caller who may not see the organization's detail. */
    @Serdeable
    public record OverviewView(String code, String nameTh, int year, @Nullable RankedOrganizationView rankInProvince, List<TrendView> trends,
                               @Nullable WeaknessesView weaknesses, @Nullable NextLevelView nextLevel) {
    }

    /** {@code levels}: level code → count (total only); {@code levelCounts} the same with each level's name. */
    @Serdeable
    public record SummaryView(String metric, int year, int count, @Nullable Double mean, @Nullable Double median, @Nullable Double firstQuartile,
                              @Nullable Double thirdQuartile, @Nullable Double min, @Nullable Double max, @Nullable Double standardDeviation,
                              @Nullable Double shareAtLeast85, Map<String, Integer> levels, List<LevelCountView> levelCounts, String basis) {
    }

    @Serdeable
    public record LevelCountView(String level, String name, int count) {
    }

    @Serdeable
    public record ProvinceSummaryView(String provinceCode, String provinceTh, String provinceEn, String province, SummaryView summary) {
    }

    /** {@code organizations}: the codes of the weak organizations. */
    @Serdeable
    public record IndicatorWeaknessView(String indicator, String nameTh, String nameEn, String name, int weakCount, int scoredCount,
                                        List<String> organizations) {
    }

    /**
     * One mover: the organization ({@code name} in the caller's language: its English name where it has one),
     * its province, the move ({@code direction} a code, RISER or FALLER; {@code directionText} and {@code summary}
     * in words: "เทศบาลตำบลม่วงยาย: 90.00 → 95.41 (+5.41)").
     */
    @Serdeable
    public record MoveView(String code, String nameTh, String name, String provinceCode, String province, double before, double after, double change,
                           String direction, String directionText, String summary) {
    }

    /**
     * The biggest movers of a group ({@code group}: the province, or everything the caller sees) on a metric
     * ({@code metricName} in the caller's language); {@code breakNotes}: what changed in how ITA is measured
     * that year, when {@code methodologyBreak} (a change across a break may be the rule, not progress).
     */
    @Serdeable
    public record MoversView(int year, String metric, String metricName, String group, boolean methodologyBreak, List<String> breakNotes,
                             List<MoveView> risers, List<MoveView> fallers) {
    }
}
