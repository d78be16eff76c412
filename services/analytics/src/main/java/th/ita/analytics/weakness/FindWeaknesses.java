package th.ita.analytics.weakness;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import th.ita.analytics.summary.ExactStatistics;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Indicator;
import th.ita.core.framework.Metric;
import th.ita.core.framework.Tool;
import th.ita.core.score.Scores;

/**
 * The weak and strong indicators of an organization in a year (use case). An indicator is weak when:
 * <ul>
 *   <li>BELOW_THRESHOLD: its score is below the threshold (default 85, the national target);</li>
 *   <li>LOWEST_OF_TOOL: it is the lowest indicator of its tool (what the reports analyse first) — only when at
 *       least two of the tool's indicators are known and they are not all equal; indicators tied at the
 *       bottom are all lowest;</li>
 *   <li>BELOW_PEER_MEDIAN: it is more than the margin (default 5 points) below the median of the peer group
 *       (the exact median; {@code peerMedian} shows it rounded half up to two decimals);</li>
 *   <li>FALLING: it fell two or more years running.</li>
 * </ul>
 * Severity: HIGH below the threshold by more than 15 points, or below it and falling; MEDIUM below the
 * threshold; LOW otherwise. A strength is an indicator above 90 ("มากกว่า 90" in the reports: 90.00 is not
 * one), and a strength is never a weakness. Items that drag a weak indicator down are its items scoring
 * below the indicator, lowest first.
 */
public final class FindWeaknesses {
    private final Settings settings;

    public FindWeaknesses(Settings settings) {
        this.settings = settings;
    }

    /** Thresholds, configurable per installation. */
    public record Settings(double threshold, double strength, double belowMedianMargin) {
        public static final Settings DEFAULT = new Settings(85, 90, 5);
    }

    public enum Reason { BELOW_THRESHOLD, LOWEST_OF_TOOL, BELOW_PEER_MEDIAN, FALLING }

    public enum Severity { HIGH, MEDIUM, LOW }

    public record DraggingItem(String item, String textTh, double score) {
    }

    public record Weakness(String indicator, String nameTh, String nameEn, String tool, double score, Double peerMedian, List<Reason> reasons,
                           Severity severity, List<DraggingItem> draggingItems, String guidanceTh, String guidanceEn) {
    }

    public record Strength(String indicator, String nameTh, String nameEn, double score) {
    }

    public record Result(int year, List<Weakness> weaknesses, List<Strength> strengths) {
    }

    /** A peer group: its members' indexes (the organization itself included) and a key naming it, for reuse of medians. */
    public record Peers(String key, int[] members) {
    }

    public Result find(ScoreTable table, int organization, int year, Peers peers) {
        Framework framework = table.framework(year).orElse(null);
        if (framework == null) {
            return new Result(year, List.of(), List.of());
        }
        List<Weakness> weaknesses = new ArrayList<>();
        List<Strength> strengths = new ArrayList<>();
        Map<String, Optional<BigDecimal>> medians = medians(table, year, framework, peers);
        for (Tool tool : framework.tools()) {
            double lowest = lowestOfTool(table, organization, year, tool);
            for (Indicator indicator : tool.indicators()) {
                double score = table.value(year, indicator.code(), organization);
                if (Double.isNaN(score)) {
                    continue;
                }
                // "มากกว่า 90" in the reports: 90.00 is not a strength. And no strength is a weakness.
                if (Scores.above(score, settings.strength())) {
                    strengths.add(new Strength(indicator.code(), indicator.nameTh(), indicator.nameEn(), score));
                    continue;
                }
                List<Reason> reasons = new ArrayList<>();
                boolean below = !Scores.atLeast(score, settings.threshold());
                if (below) {
                    reasons.add(Reason.BELOW_THRESHOLD);
                }
                if (score == lowest) {
                    reasons.add(Reason.LOWEST_OF_TOOL);
                }
                BigDecimal median = medians.get(indicator.code()).orElse(null);
                if (median != null && Scores.exact(score).compareTo(median.subtract(Scores.exact(settings.belowMedianMargin()))) < 0) {
                    reasons.add(Reason.BELOW_PEER_MEDIAN);
                }
                boolean falling = falling(table, organization, year, indicator.code());
                if (falling) {
                    reasons.add(Reason.FALLING);
                }
                if (reasons.isEmpty()) {
                    continue;
                }
                Severity severity = below && (score < settings.threshold() - 15 || falling) ? Severity.HIGH : below ? Severity.MEDIUM : Severity.LOW;
                weaknesses.add(new Weakness(indicator.code(), indicator.nameTh(), indicator.nameEn(), tool.code(), score,
                        median == null ? null : Scores.round(median), reasons, severity,
                        dragging(table, framework, organization, year, indicator, score), indicator.guidanceTh(), indicator.guidanceEn()));
            }
        }
        weaknesses.sort(Comparator.comparing(Weakness::severity).thenComparingDouble(Weakness::score));
        return new Result(year, weaknesses, strengths);
    }

    /**
     * The lowest score of a tool's indicators, or NaN when there is no lowest: fewer than two indicators
     * known (a single known indicator is not "the lowest" of anything), or every known one at the same
     * score (two indicators tied at 100.00). Indicators tied at the bottom below another are all lowest.
     */
    private static double lowestOfTool(ScoreTable table, int organization, int year, Tool tool) {
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        int known = 0;
        for (Indicator indicator : tool.indicators()) {
            double score = table.value(year, indicator.code(), organization);
            if (!Double.isNaN(score)) {
                known++;
                lowest = Math.min(lowest, score);
                highest = Math.max(highest, score);
            }
        }
        return known >= 2 && lowest < highest ? lowest : Double.NaN;
    }

    /**
     * The exact median of the peers' scores of every indicator of the year (rounded only where it is shown),
     * empty where none of them has one; computed once per year and peer group, for all its members.
     */
    private static Map<String, Optional<BigDecimal>> medians(ScoreTable table, int year, Framework framework, Peers peers) {
        return table.memo("medians|" + year + "|" + peers.key(), () -> {
            Map<String, Optional<BigDecimal>> medians = new HashMap<>();
            for (Indicator indicator : framework.indicators()) {
                double[] column = table.column(year, indicator.code()).orElse(null);
                Optional<BigDecimal> median = Optional.empty();
                if (column != null && peers.members().length > 0) {
                    double[] values = Arrays.stream(peers.members()).mapToDouble(i -> column[i]).filter(v -> !Double.isNaN(v)).toArray();
                    median = values.length == 0 ? Optional.empty() : Optional.of(ExactStatistics.median(ExactStatistics.sorted(values)));
                }
                medians.put(indicator.code(), median);
            }
            return Map.copyOf(medians);
        });
    }

    /** Fell from two years before to the year before, and again to this year. */
    private static boolean falling(ScoreTable table, int organization, int year, String indicator) {
        double now = table.value(year, indicator, organization);
        double before = table.value(year - 1, indicator, organization);
        double earlier = table.value(year - 2, indicator, organization);
        return !Double.isNaN(before) && !Double.isNaN(earlier) && now < before && before < earlier;
    }

    private static List<DraggingItem> dragging(ScoreTable table, Framework framework, int organization, int year, Indicator indicator, double score) {
        List<DraggingItem> items = new ArrayList<>();
        for (Metric item : framework.childrenOf(framework.metric(indicator.code()).orElseThrow())) {
            double value = table.value(year, item.code(), organization);
            if (!Double.isNaN(value) && value < score) {
                items.add(new DraggingItem(item.code(), item.nameTh(), value));
            }
        }
        items.sort(Comparator.comparingDouble(DraggingItem::score));
        return items.size() > 5 ? items.subList(0, 5) : items;
    }
}
