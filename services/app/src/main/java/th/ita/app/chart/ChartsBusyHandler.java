package th.ita.app.chart;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import th.ita.app.error.Problem;
import th.ita.app.message.RequestLanguage;
import th.ita.charts.RenderPool;
import th.ita.core.message.Language;
import th.ita.core.message.Messages;

/**
 * A full chart queue answers 503 with Retry-After, as problem+json in the caller's language: the caller asks again,
 * nothing else waits. The pool's own message (which limit was met, in English) stays out of the answer.
 */
@Singleton
@Produces("application/problem+json")
class ChartsBusyHandler implements ExceptionHandler<RenderPool.Busy, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RenderPool.Busy exception) {
        Language language = RequestLanguage.of(request);
        String detail = Messages.standard().render("problem.chartsBusy", language, "seconds", exception.retryAfterSeconds());
        return HttpResponse.<Problem>status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(exception.retryAfterSeconds()))
                .body(Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "CHARTS_BUSY", detail, request.getPath(), language));
    }
}
