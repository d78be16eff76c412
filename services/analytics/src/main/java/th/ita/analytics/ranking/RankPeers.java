package th.ita.analytics.ranking;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import th.ita.core.score.Scores;

/**
 * Ranks the organizations of one peer group on one score (use case). The definitions, as users read them:
 * <ul>
 *   <li><b>rank</b>: standard competition ranking, higher score first; ties share the best rank: 1, 2, 2, 4.</li>
 *   <li><b>percentile</b>: the share of the other members of the group scoring lower, 0–100, as Excel's
 *       PERCENTRANK.INC × 100 (a group of one gives 100).</li>
 *   <li><b>quartile</b>: 1 for the best quarter (percentile ≥ 75), 2 (≥ 50), 3 (≥ 25), 4 otherwise.</li>
 *   <li><b>gaps</b>: points to the next better distinct score, to the group median (Excel MEDIAN;
 *       negative when below it) and to the top score.</li>
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
    public record Ranked(long organizationId, double score, int rank, int groupSize, double percentile, int quartile,
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
        double median = size == 0 ? Double.NaN : new Median().evaluate(scores);
        double top = size == 0 ? Double.NaN : scores[0];
        double[] ascending = scores.clone();
        Arrays.sort(ascending);
        List<Ranked> ranked = new ArrayList<>(size);
        for (Member member : group) {
            double score = member.score();
            int rank = ranks.get(member.organizationId());
            int lower = lowerBound(ascending, score);
            double percentile = size == 1 ? 100 : Scores.round(100.0 * lower / (size - 1));
            int quartile = percentile >= 75 ? 1 : percentile >= 50 ? 2 : percentile >= 25 ? 3 : 4;
            double above = nextBetter(scores, score);
            int clearlyBetter = size - lowerBound(ascending, score + margin);
            int notClearlyWorse = size - lowerBound(ascending, score - margin + 1e-9);
            int best = clearlyBetter + 1;
            int worst = Math.max(rank, notClearlyWorse);
            Integer previousRank = previousRanks.get(member.organizationId());
            ranked.add(new Ranked(member.organizationId(), score, rank, size, percentile, quartile,
                    Double.isNaN(above) ? 0 : Scores.round(above - score), Scores.round(score - median), Scores.round(top - score),
                    Math.min(best, rank), worst, best < rank || worst > rank || hasTie(ascending, score),
                    previousRank, previousRank == null ? null : previousRank - rank));
        }
        return ranked;
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
