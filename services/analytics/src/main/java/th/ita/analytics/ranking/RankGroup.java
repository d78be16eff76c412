package th.ita.analytics.ranking;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.organization.Organization;

/**
 * Ranks a group of a tenant's table on one metric in one year (use case): the group's members and
 * scores are read from the table, ranked by {@link RankPeers} with last year's ranks for the change,
 * and returned by organization id, best first. A group is named by a key (equal keys, equal members),
 * so a ranking is computed once per table and reused by every caller until the next table.
 */
public final class RankGroup {
    private final RankPeers rankPeers;
    private final String settingsKey;

    public RankGroup(double closeCallMargin) {
        this.rankPeers = new RankPeers(closeCallMargin);
        this.settingsKey = Double.toString(closeCallMargin);
    }

    /** The peer group of an anchor organization (its province, its type in the province or nationwide). */
    public List<RankPeers.Ranked> rank(ScoreTable table, PeerGroup group, Organization anchor, int year, String metric) {
        requireNonNull(group, "group is null");
        return rank(table, group.key(anchor), group.members(table, anchor), year, metric);
    }

    /** A fixed set of organizations (a saved group); ids without scores in the table are left out. */
    public List<RankPeers.Ranked> rank(ScoreTable table, String key, Collection<Long> organizationIds, int year, String metric) {
        int[] members = table.memo("members|" + key, () -> organizationIds.stream()
                .map(table::indexOf).flatMap(Optional::stream).mapToInt(Integer::intValue).sorted().toArray());
        return rank(table, key, members, year, metric);
    }

    private List<RankPeers.Ranked> rank(ScoreTable table, String key, int[] members, int year, String metric) {
        return table.memo("rank|" + settingsKey + "|" + year + "|" + metric + "|" + key, () ->
                rankPeers.rank(scores(table, members, year, metric), scores(table, members, year - 1, metric)));
    }

    /** The members' scores, by organization id; members without a score that year are not in the group that year. */
    private static List<RankPeers.Member> scores(ScoreTable table, int[] members, int year, String metric) {
        double[] column = table.column(year, metric).orElse(null);
        if (column == null) {
            return List.of();
        }
        List<RankPeers.Member> scored = new ArrayList<>();
        for (int member : members) {
            if (!Double.isNaN(column[member])) {
                scored.add(new RankPeers.Member(table.organization(member).id(), column[member]));
            }
        }
        return scored;
    }
}
