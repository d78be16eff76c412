package th.ita.analytics.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

class TrendSignificanceTest {
    @Test
    void givesExactlyTheSignificanceCommonsMathComputesForEveryNumberOfYears() {
        Random random = new Random(8);
        for (int run = 0; run < 2_000; run++) {
            SimpleRegression regression = new SimpleRegression();
            int years = 1 + run % 12;
            for (int year = 2561; year < 2561 + years; year++) {
                regression.addData(year, Math.round((60 + random.nextDouble() * 40) * 100) / 100.0);
            }

            assertThat(Double.valueOf(TrendOf.significance(regression))).as("%d years", years).isEqualTo(Double.valueOf(regression.getSignificance()));
        }
    }
}
