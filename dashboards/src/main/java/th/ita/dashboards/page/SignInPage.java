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

    /** What the sign-in page shows: where to go after, the tenant and username typed, and the error, if any. */
    public record SignInView(String next, String tenant, String username, String error) {
    }

    @Serdeable
    record SignInForm(@Nullable String tenant, @Nullable String username, @Nullable String password, @Nullable String next,
                      @Nullable String csrfToken) {
    }

    @Serdeable
    record CsrfForm(@Nullable String csrfToken) {
    }

    @Get("/sign-in")
    MutableHttpResponse<?> show(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @QueryValue String next) {
        if (authentication != null) {
            return HttpResponse.seeOther(URI.create(safeNext(next)));
        }
        return pages.anonymous(request, "signin", new SignInView(safeNext(next), "", "", null), HttpStatus.OK);
    }

    @Post(value = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signIn(HttpRequest<?> request, @Body SignInForm form) {
        String username = form.username() == null ? "" : form.username();
        String tenant = form.tenant() == null ? "" : form.tenant().strip();
        Texts t = Texts.of(Pages.language(request));
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.anonymous(request, "signin", new SignInView(safeNext(form.next()), tenant, username, t.get("signin.stale")), HttpStatus.FORBIDDEN);
        }
        SignIns.Outcome outcome = signIns.signIn(tenant, username, form.password() == null ? "" : form.password(), request);
        String next = safeNext(form.next());
        if (outcome instanceof SignIns.SignedIn signed) {
            return HttpResponse.seeOther(URI.create(next)).cookie(SessionCookie.issue(signed.token(), signed.expiresAt(), signIns.overTls(request)));
        }
        if (outcome instanceof SignIns.Throttled throttled) {
            return pages.anonymous(request, "signin", new SignInView(next, tenant, username, t.get("signin.throttled", throttled.seconds())),
                    HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(throttled.seconds()));
        }
        return pages.anonymous(request, "signin", new SignInView(next, tenant, username, t.get("signin.refused")), HttpStatus.UNAUTHORIZED);
    }

    @Post(value = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signOut(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body CsrfForm form) {
        if (!pages.csrfValid(request, form == null ? null : form.csrfToken())) {
            return pages.page(request, authentication, "error", context -> {
                throw th.ita.dashboards.web.PageError.forbidden("signin.stale");
            });
        }
        if (authentication != null) {
            signIns.signOut(authentication);
        }
        return HttpResponse.seeOther(URI.create("/sign-in")).cookie(SessionCookie.clear(signIns.overTls(request)));
    }

    /** Only a path of this site: never an absolute URL an attacker could put in {@code next}. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.startsWith("/sign-")) {
            return "/";
        }
        return next;
    }
}
