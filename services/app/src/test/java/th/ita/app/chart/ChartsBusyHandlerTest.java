package th.ita.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import th.ita.app.error.Problem;
import th.ita.charts.RenderPool;

/** A full drawing queue's 503: Retry-After, and problem+json in Thai unless English is asked for. */
class ChartsBusyHandlerTest {
    private static RenderPool.Busy busy() {
        try (RenderPool pool = new RenderPool(1, 0, 0, Clock.systemUTC(), new RenderPool.Duration(1, TimeUnit.SECONDS))) {
            pool.admit();
            pool.admit();
            return catchThrowableOfType(RenderPool.Busy.class, pool::admit);
        }
    }

    @Test
    void answers503WithRetryAfterInThaiByDefault() {
        RenderPool.Busy busy = busy();

        HttpResponse<Problem> answer = new ChartsBusyHandler().handle(HttpRequest.GET("/api/tenants/demo/charts/ranking"), busy);

        assertThat(answer.code()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo(Integer.toString(busy.retryAfterSeconds()));
        assertThat(answer.getContentType()).map(Object::toString).contains("application/problem+json");
        Problem problem = answer.body();
        assertThat(problem.code()).isEqualTo("CHARTS_BUSY");
        assertThat(problem.title()).isEqualTo("ระบบวาดแผนภูมิไม่ว่าง");
        assertThat(problem.detail()).isEqualTo("ระบบกำลังวาดแผนภูมิเต็มกำลัง โปรดลองใหม่ในอีก " + busy.retryAfterSeconds() + " วินาที");
        assertThat(problem.instance()).isEqualTo("/api/tenants/demo/charts/ranking");
    }

    @Test
    void answersInEnglishWhenAskedTo() {
        RenderPool.Busy busy = busy();

        Problem byHeader = new ChartsBusyHandler().handle(HttpRequest.GET("/charts/ranking.png").header("Accept-Language", "en"), busy).body();
        Problem byParameter = new ChartsBusyHandler().handle(HttpRequest.GET("/api/tenants/demo/charts/ranking?lang=en"), busy).body();

        for (Problem problem : java.util.List.of(byHeader, byParameter)) {
            assertThat(problem.title()).isEqualTo("Charts Busy");
            assertThat(problem.detail()).isEqualTo("charts are busy: every drawing place is taken; try again in " + busy.retryAfterSeconds() + " s");
        }
    }
}
