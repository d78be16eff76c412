package th.ita.analytics.trend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.score.Scores;

/** The biggest risers and fallers of a group on a metric from one year to the next (use case). */
public final class Movers {
    private Movers() {
    }

    public record Move(int organization, double before, double after, double change) {
    }

    public record Result(int year, String metric, List<Move> risers, List<Move> fallers, boolean methodologyBreak) {
    }

    public static Result of(ScoreTable table, int year, String metric, int[] members, int limit) {
        List<Move> moves = new ArrayList<>();
        for (int member : members) {
            double after = table.value(year, metric, member);
            double before = table.value(year - 1, metric, member);
            if (!Double.isNaN(after) && !Double.isNaN(before)) {
                moves.add(new Move(member, before, after, Scores.difference(after, before)));
            }
        }
        List<Move> risers = moves.stream().filter(m -> m.change() > 0).sorted(Comparator.comparingDouble(Move::change).reversed()).limit(limit).toList();
        List<Move> fallers = moves.stream().filter(m -> m.change() < 0).sorted(Comparator.comparingDouble(Move::change)).limit(limit).toList();
        boolean methodologyBreak = table.framework(year).map(f -> !f.methodologyChanges().isEmpty()).orElse(false);
        return new Result(year, metric, risers, fallers, methodologyBreak);
    }
}
