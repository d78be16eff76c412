package th.ita.analytics.ranking;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import th.ita.analytics.summary.ExactStatistics;
import th.ita.core.score.Scores;

/**
 * Ranks the organizations of one peer group on one score (use case). The definitions, as users read them:
 * <ul>
 *   <li><b>rank</b>: standard competition ranking, higher score first; ties share the best rank: 1, 2, 2, 4.</li>
 *   <li><b>percentRank</b>: Excel's PERCENTRANK.INC(group, score) exactly as Excel shows it: the share of
 *       the other members scoring lower, (members below) ÷ (size − 1), truncated to three decimals (Excel's
 *       default significance): 29 of 44 below is 0.659, not 0.6591. A group of one gives 1.</li>
 *   <li><b>percentile</b>: percentRank × 100 (65.9), so it reads as a percentage and matches Excel.</li>
 *   <li><b>quartile</b>: 1 for the best quarter (percentRank ≥ 0.75), 2 (≥ 0.5), 3 (≥ 0.25), 4 otherwise.</li>
 *   <li><b>gaps</b>: points to the next better distinct score, to the group median (Excel MEDIAN;
 *       negative when below it) and to the top score, on the exact values, rounded once half up.</li>
 *   <li><b>too close to call</b>: scores less than {@code margin} apart cannot be told apart; {@code bestRank}
 *       and {@code worstRank} give the ranks the organization could hold within that margin.</li>
 *   <li><b>change</b>: previous rank − rank (positive = moved up), when it was ranked in the previous year's group.</li>
 * </ul>
 */
public final class RankPeers {
    public static final double DEFAULT_MARGIN = 0.5;
    private final double margin;

    public RankPeers(double margin) {
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("margin must be ≥ 0: " + margin);
        }
        this.margin = margin;
    }

    /** One member of the group with its score. */
    public record Member(long organizationId, double score) {
    }

    /** One ranked member; {@code previousRank} and {@code change} are null when it was not ranked the year before. */
    public record Ranked(long organizationId, double score, int rank, int groupSize, double percentile, double percentRank, int quartile,
                         double gapToAbove, double gapToMedian, double gapToTop, int bestRank, int worstRank, boolean tooCloseToCall,
                         Integer previousRank, Integer change) {
    }

    /**
     * @param members this year's group and scores
     * @param previous last year's group and scores (may be empty), ranked the same way to give the change of rank
     */
    public List<Ranked> rank(Collection<Member> members, Collection<Member> previous) {
        requireNonNull(members, "members is null");
        Map<Long, Integer> previousRanks = new HashMap<>();
        ranks(List.copyOf(previous)).forEach(previousRanks::put);
        List<Member> group = new ArrayList<>(members);
        group.sort(Comparator.comparingDouble(Member::score).reversed().thenComparingLong(Member::organizationId));
        Map<Long, Integer> ranks = ranks(group);
        int size = group.size();
        double[] scores = group.stream().mapToDouble(Member::score).toArray();
        BigDecimal median = size == 0 ? null : ExactStatistics.median(ExactStatistics.sorted(scores));
        double top = size == 0 ? Double.NaN : scores[0];
        double[] ascending = scores.clone();
        Arrays.sort(ascending);
        List<Ranked> ranked = new ArrayList<>(size);
        for (Member member : group) {
            double score = member.score();
            int rank = ranks.get(member.organizationId());
            int lower = lowerBound(ascending, score);
            BigDecimal percentRank = percentRank(lower, size);
            double percentile = percentRank.movePointRight(2).doubleValue();
            int quartile = percentile >= 75 ? 1 : percentile >= 50 ? 2 : percentile >= 25 ? 3 : 4;
            double above = nextBetter(scores, score);
            int clearlyBetter = size - lowerBound(ascending, score + margin);
            int notClearlyWorse = size - lowerBound(ascending, score - margin + 1e-9);
            int best = clearlyBetter + 1;
            int worst = Math.max(rank, notClearlyWorse);
            Integer previousRank = previousRanks.get(member.organizationId());
            ranked.add(new Ranked(member.organizationId(), score, rank, size, percentile, percentRank.doubleValue(), quartile,
                    Double.isNaN(above) ? 0 : Scores.difference(above, score), Scores.round(Scores.exact(score).subtract(median)), Scores.difference(top, score),
                    Math.min(best, rank), worst, best < rank || worst > rank || hasTie(ascending, score),
                    previousRank, previousRank == null ? null : previousRank - rank));
        }
        return ranked;
    }

    /** PERCENTRANK.INC with Excel's default significance: below ÷ (size − 1), truncated to three decimals. */
    static BigDecimal percentRank(int below, int size) {
        if (size <= 1) {
            return BigDecimal.ONE.setScale(3);
        }
        return BigDecimal.valueOf(below).divide(BigDecimal.valueOf(size - 1L), 3, RoundingMode.DOWN);
    }

    /** Standard competition ranks, higher first, through Commons Math (ties take the minimum rank). */
    private static Map<Long, Integer> ranks(List<Member> group) {
        if (group.isEmpty()) {
            return Map.of();
        }
        double[] negated = group.stream().mapToDouble(member -> -member.score()).toArray();
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.MINIMUM).rank(negated);
        Map<Long, Integer> byOrganization = new HashMap<>();
        for (int i = 0; i < group.size(); i++) {
            byOrganization.put(group.get(i).organizationId(), (int) ranks[i]);
        }
        return byOrganization;
    }

    /** Number of values strictly below {@code value} in an ascending array. */
    private static int lowerBound(double[] ascending, double value) {
        int low = 0;
        int high = ascending.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ascending[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static double nextBetter(double[] descending, double score) {
        double better = Double.NaN;
        for (double candidate : descending) {
            if (candidate > score) {
                better = candidate;
            } else {
                break;
            }
        }
        return better;
    }

    private static boolean hasTie(double[] ascending, double score) {
        int first = lowerBound(ascending, score);
        return first + 1 < ascending.length && ascending[first + 1] == score;
    }
}
