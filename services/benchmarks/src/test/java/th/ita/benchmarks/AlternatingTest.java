package th.ita.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlternatingTest {
    @Test
    void runsThePlatformAndItsPeerInTurnAfterTheWarmUps() throws Exception {
        List<String> order = new ArrayList<>();
        Alternating.measure("order", 1, 2, "platform", () -> order.add("p"), "peer", () -> order.add("d"));
        assertThat(order).containsExactly("p", "d", "p", "d", "p", "d");
    }

    @Test
    void reportsTheMedianOfAnEvenNumberOfRunsAsTheMeanOfTheMiddleTwo() {
        var side = new Alternating.Side("x", new long[] {4_000_000, 1_000_000, 3_000_000, 2_000_000}, new long[4]);
        assertThat(side.medianMillis()).isEqualTo(2.5);
        assertThat(side.minMillis()).isEqualTo(1.0);
    }

    @Test
    void ratioIsThePlatformsMedianOverThePeers() {
        var platform = new Alternating.Side("p", new long[] {30_000_000, 10_000_000, 20_000_000}, new long[3]);
        var peer = new Alternating.Side("d", new long[] {5_000_000, 10_000_000, 15_000_000}, new long[3]);
        assertThat(new Alternating.Result("f", platform, peer).ratio()).isEqualTo(2.0);
    }
}
