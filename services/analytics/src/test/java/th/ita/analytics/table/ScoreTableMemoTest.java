package th.ita.analytics.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import th.ita.core.framework.Frameworks;

class ScoreTableMemoTest {
    private final ScoreTable table = ScoreTable.builder(List.of(), Frameworks.bundled()).build();

    @Test
    void computesAMemoizedResultOnce() {
        AtomicInteger computed = new AtomicInteger();

        table.memo("median|2568", computed::incrementAndGet);
        int second = table.memo("median|2568", computed::incrementAndGet);

        assertThat(second).isEqualTo(1);
        assertThat(computed).hasValue(1);
    }

    @Test
    void holdsAtMostItsLimitAndDropsTheLeastRecentlyUsedFirst() {
        table.memo("kept", () -> "first");
        for (int i = 0; i < ScoreTable.MEMO_LIMIT + 500; i++) {
            table.memo("group|" + i, () -> "result");
            table.memo("kept", () -> "recomputed");
        }

        assertThat(table.memoized()).isEqualTo(ScoreTable.MEMO_LIMIT);
        assertThat(table.<String>memo("kept", () -> "recomputed")).isEqualTo("first");
        assertThat(table.<String>memo("group|0", () -> "recomputed")).isEqualTo("recomputed");
    }
}
