package th.ita.dashboards.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import th.ita.dashboards.port.SignIns;
import th.ita.dashboards.web.CsrfTokens;
import th.ita.dashboards.web.Pages;
import th.ita.dashboards.web.SessionCookie;
import th.ita.dashboards.web.Texts;

/** Sign-in and sign-out for the browser: a password form that sets the session cookie. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class SignInPage {
    private final SignIns signIns;
    private final Pages pages;
    private final CsrfTokens csrf;

    SignInPage(SignIns signIns, Pages pages, CsrfTokens csrf) {
        this.signIns = signIns;
        this.pages = pages;
        this.csrf = csrf;
    }

    /** What the sign-in page shows: where to go after, the username typed, and the error, if any. */
    public record SignInView(String next, String username, String error) {
    }

    @Serdeable
    record SignInForm(@Nullable String username, @Nullable String password, @Nullable String next, @Nullable String csrfToken) {
    }

    @Serdeable
    record CsrfForm(@Nullable String csrfToken) {
    }

    @Get("/sign-in")
    MutableHttpResponse<?> show(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @QueryValue String next) {
        if (authentication != null) {
            return HttpResponse.seeOther(URI.create(safeNext(next)));
        }
        return pages.anonymous(request, "signin", new SignInView(safeNext(next), "", null), HttpStatus.OK);
    }

    @Post(value = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signIn(HttpRequest<?> request, @Body SignInForm form) {
        String username = form.username() == null ? "" : form.username();
        Texts t = Texts.of(Pages.language(request));
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.anonymous(request, "signin", new SignInView(safeNext(form.next()), username, t.get("signin.stale")), HttpStatus.FORBIDDEN);
        }
        String address = request.getRemoteAddress().getAddress().getHostAddress();
        SignIns.Outcome outcome = signIns.signIn(username, form.password() == null ? "" : form.password(), address);
        String next = safeNext(form.next());
        if (outcome instanceof SignIns.SignedIn signed) {
            return HttpResponse.seeOther(URI.create(next)).cookie(SessionCookie.issue(request, signed.token(), signed.expiresAt()));
        }
        if (outcome instanceof SignIns.Throttled throttled) {
            return pages.anonymous(request, "signin", new SignInView(next, username, t.get("signin.throttled", throttled.seconds())),
                    HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(throttled.seconds()));
        }
        return pages.anonymous(request, "signin", new SignInView(next, username, t.get("signin.refused")), HttpStatus.UNAUTHORIZED);
    }

    @Post(value = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signOut(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body CsrfForm form) {
        if (!pages.csrfValid(request, form == null ? null : form.csrfToken())) {
            return pages.page(request, authentication, "error", context -> {
                throw new th.ita.core.error.ItaException(th.ita.core.error.ErrorCode.FORBIDDEN, context.t().get("signin.stale"));
            });
        }
        if (authentication != null) {
            signIns.signOut(authentication);
        }
        return HttpResponse.seeOther(URI.create("/sign-in")).cookie(SessionCookie.clear(request));
    }

    /** Only a path of this site: never an absolute URL an attacker could put in {@code next}. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.startsWith("/sign-")) {
            return "/";
        }
        return next;
    }
}
