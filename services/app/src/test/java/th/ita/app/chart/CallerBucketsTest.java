package th.ita.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import th.ita.app.access.MovableClock;

/** The chart rate limit's token buckets: a burst, a refill by the clock, one bucket per caller, a bounded memory. */
class CallerBucketsTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T05:00:00Z"));

    private CallerBuckets buckets(double perSecond, double burst, int callers) {
        return new CallerBuckets(new CallerBuckets.Settings(perSecond, burst, callers), clock);
    }

    private static int takenInARow(CallerBuckets buckets, String caller, int tries) {
        int taken = 0;
        for (int i = 0; i < tries; i++) {
            if (buckets.take(caller, 1).taken()) {
                taken++;
            }
        }
        return taken;
    }

    @Test
    void aNewCallerMaySpendItsWholeBurstAtOnceAndNoMore() {
        CallerBuckets buckets = buckets(2, 40, 100);

        assertThat(takenInARow(buckets, "demo user 7", 100)).isEqualTo(40);
        CallerBuckets.Outcome refused = buckets.take("demo user 7", 1);
        assertThat(refused.taken()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void tokensComeBackAtTheRateUpToTheBurstAndNotBeyond() {
        CallerBuckets buckets = buckets(2, 10, 100);
        takenInARow(buckets, "analyst", 10);

        clock.advance(Duration.ofMillis(499));
        assertThat(buckets.take("analyst", 1).taken()).as("0.998 tokens after 499 ms at 2 a second").isFalse();
        clock.advance(Duration.ofMillis(2));
        assertThat(buckets.take("analyst", 1).taken()).isTrue();
        assertThat(buckets.take("analyst", 1).taken()).isFalse();

        clock.advance(Duration.ofSeconds(3));
        assertThat(takenInARow(buckets, "analyst", 20)).as("three seconds at 2 a second").isEqualTo(6);

        clock.advance(Duration.ofHours(1));
        assertThat(takenInARow(buckets, "analyst", 20)).as("an hour's rest refills to the burst, not beyond").isEqualTo(10);
    }

    @Test
    void aRefusalSaysTheWholeSecondsUntilTheCostIsThereAndTakesNothing() {
        CallerBuckets buckets = buckets(0.5, 4, 100);
        takenInARow(buckets, "packer", 4);

        CallerBuckets.Outcome refused = buckets.take("packer", 4);
        assertThat(refused.taken()).isFalse();
        assertThat(refused.retryAfterSeconds()).as("4 tokens at 0.5 a second").isEqualTo(8);
        clock.advance(Duration.ofSeconds(3));
        assertThat(buckets.take("packer", 4).retryAfterSeconds()).as("1.5 tokens there, 2.5 to go").isEqualTo(5);
        assertThat(buckets.available("packer")).isEqualTo(1.5);
        clock.advance(Duration.ofSeconds(5));
        assertThat(buckets.take("packer", 4).taken()).isTrue();
    }

    @Test
    void aCostAboveTheBurstIsChargedAsTheBurstSoItCanBeMet() {
        CallerBuckets buckets = buckets(1, 3, 100);

        assertThat(buckets.take("pack", 10).taken()).isTrue();
        assertThat(buckets.available("pack")).isZero();
    }

    @Test
    void oneCallersFloodLeavesEveryOtherCallersBucketAlone() {
        CallerBuckets buckets = buckets(2, 5, 100);

        assertThat(takenInARow(buckets, "demo/12", 1000)).isEqualTo(5);
        assertThat(takenInARow(buckets, "demo/13", 1000)).isEqualTo(5);
        assertThat(takenInARow(buckets, "demo-b/12", 1000)).as("the same user id in another tenant").isEqualTo(5);
        assertThat(buckets.take("address 203.0.113.9", 1).taken()).isTrue();
    }

    @Test
    void tokensGivenBackAreSpendableAgainUpToTheBurst() {
        CallerBuckets buckets = buckets(1, 4, 100);
        takenInARow(buckets, "browser", 4);

        buckets.giveBack("browser", 0.75);
        buckets.giveBack("browser", 0.75);
        assertThat(buckets.take("browser", 1).taken()).isTrue();
        assertThat(buckets.available("browser")).isEqualTo(0.5);
        buckets.giveBack("browser", 100);
        assertThat(buckets.available("browser")).isEqualTo(4);
        buckets.giveBack("never seen", 1);
        assertThat(buckets.size()).isEqualTo(1);
    }

    @Test
    void aFloodOfDistinctCallersKeepsAtMostTheBoundAndDropsTheLeastRecentlyUsed() {
        CallerBuckets buckets = buckets(1, 10, 1000);
        takenInARow(buckets, "regular", 10);

        for (int i = 0; i < 100_000; i++) {
            buckets.take("address 10.0." + (i / 256) + "." + (i % 256), 1);
            if (i % 500 == 0) {
                buckets.take("regular", 1);
            }
        }

        assertThat(buckets.size()).isEqualTo(1000);
        assertThat(buckets.available("regular")).as("the caller in use is kept, still empty").isLessThan(1);
        assertThat(buckets.droppedBeforeFull()).as("callers dropped within their first second, not yet full again").isEqualTo(100_001 - 1000);
    }

    @Test
    void aBucketDroppedWhenFullAgainLosesNothing() {
        CallerBuckets buckets = buckets(1, 2, 1);
        takenInARow(buckets, "first", 2);
        clock.advance(Duration.ofSeconds(2));

        buckets.take("second", 1);

        assertThat(buckets.size()).isEqualTo(1);
        assertThat(buckets.droppedBeforeFull()).isZero();
    }

    @Test
    void aClockSetBackNeitherRefillsNorEmpties() {
        CallerBuckets buckets = buckets(1, 2, 10);
        takenInARow(buckets, "node", 2);

        clock.advance(Duration.ofSeconds(-30));
        assertThat(buckets.take("node", 1).taken()).isFalse();
        clock.advance(Duration.ofSeconds(31));
        assertThat(buckets.take("node", 1).taken()).as("one second after the latest time seen").isTrue();
    }

    @Test
    void settingsOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> new CallerBuckets.Settings(0, 10, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.0, 10.0, 10");
        assertThatThrownBy(() -> new CallerBuckets.Settings(1, 0.5, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallerBuckets.Settings(1, 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallerBuckets.Settings(Double.NaN, 10, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
