package th.ita.analytics.trend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.organization.Organization;
import th.ita.core.score.Scores;

/**
 * The biggest risers and fallers of a group on a metric from one year to the next (use case): members
 * scored in both years, by their change (after − before, exact to two decimals), the biggest first; no
 * change is neither. Ties keep the members' order.
 */
public final class Movers {
    private Movers() {
    }

    /** One member's move, named by the organization itself (its id, code and names), never by a table position. */
    public record Move(Organization organization, double before, double after, double change) {
        public Move {
            java.util.Objects.requireNonNull(organization, "organization is null");
        }

        public Direction direction() {
            return change > 0 ? Direction.RISER : Direction.FALLER;
        }
    }

    /** Whether a move is up or down (codes of the API and keys of the message catalog: movers.direction.*). */
    public enum Direction {
        RISER, FALLER
    }

    public record Result(int year, String metric, List<Move> risers, List<Move> fallers, boolean methodologyBreak) {
    }

    public static Result of(ScoreTable table, int year, String metric, int[] members, int limit) {
        List<Move> moves = new ArrayList<>();
        for (int member : members) {
            double after = table.value(year, metric, member);
            double before = table.value(year - 1, metric, member);
            if (!Double.isNaN(after) && !Double.isNaN(before)) {
                moves.add(new Move(table.organization(member), before, after, Scores.difference(after, before)));
            }
        }
        List<Move> risers = moves.stream().filter(m -> m.change() > 0).sorted(Comparator.comparingDouble(Move::change).reversed()).limit(limit).toList();
        List<Move> fallers = moves.stream().filter(m -> m.change() < 0).sorted(Comparator.comparingDouble(Move::change)).limit(limit).toList();
        boolean methodologyBreak = table.framework(year).map(f -> !f.methodologyChanges().isEmpty()).orElse(false);
        return new Result(year, metric, risers, fallers, methodologyBreak);
    }
}
