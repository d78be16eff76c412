package th.ita.app.chart;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import th.ita.app.error.Problem;
import th.ita.charts.RenderPool;

/** A full chart queue answers 503 with Retry-After, as problem+json: the caller asks again, nothing else waits. */
@Singleton
@Produces("application/problem+json")
class ChartsBusyHandler implements ExceptionHandler<RenderPool.Busy, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RenderPool.Busy exception) {
        return HttpResponse.<Problem>status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.of("application/problem+json"))
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(exception.retryAfterSeconds()))
                .body(Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "CHARTS_BUSY", exception.getMessage(), request.getPath()));
    }
}
