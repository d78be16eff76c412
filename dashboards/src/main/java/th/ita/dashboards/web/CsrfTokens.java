package th.ita.dashboards.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.generator.CsrfTokenGenerator;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;
import jakarta.inject.Singleton;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;

/**
 * CSRF tokens for pages (double-submit cookie, HMAC-bound to the session): every form and htmx request
 * sends the token the page carries, and the CSRF filter compares it with the HttpOnly cookie.
 * A page reuses the cookie's token while it is valid for the current session, else makes a new one.
 */
@Singleton
public class CsrfTokens {
    private final CsrfConfiguration configuration;
    private final CsrfTokenGenerator<HttpRequest<?>> generator;
    private final CsrfTokenValidator<HttpRequest<?>> validator;

    CsrfTokens(CsrfConfiguration configuration, CsrfTokenGenerator<HttpRequest<?>> generator, CsrfTokenValidator<HttpRequest<?>> validator) {
        this.configuration = configuration;
        this.generator = generator;
        this.validator = validator;
    }

    /** The token for a page, and whether it is new (then {@link #attach} must set its cookie). */
    public Token forPage(HttpRequest<?> request) {
        return request.getCookies().findCookie(configuration.getCookieName()).map(Cookie::getValue)
                .filter(existing -> validator.validateCsrfToken(request, existing))
                .map(existing -> new Token(existing, false))
                .orElseGet(() -> new Token(generator.generateCsrfToken(request), true));
    }

    /** A token for the session about to start (after sign-in the session id changes, and so must the token). */
    public Cookie cookieFor(HttpRequest<?> request, String value) {
        return Cookie.of(configuration.getCookieName(), value).httpOnly(true).sameSite(SameSite.Lax).path("/").secure(request.isSecure());
    }

    public <T> MutableHttpResponse<T> attach(HttpRequest<?> request, MutableHttpResponse<T> response, Token token) {
        if (token.fresh()) {
            response.cookie(cookieFor(request, token.value()));
        }
        return response;
    }

    /**
     * Refuses (FORBIDDEN) an unsafe request whose token, from the form field or the htmx header, is
     * missing or does not match the HttpOnly cookie and the session. Every POST of the pages calls it first.
     */
    public void require(HttpRequest<?> request, String formToken) {
        String token = formToken != null && !formToken.isBlank() ? formToken : request.getHeaders().get(configuration.getHeaderName());
        if (token == null || token.isBlank() || !validator.validateCsrfToken(request, token)) {
            throw PageError.forbidden("signin.stale");
        }
    }

    public String fieldName() {
        return configuration.getFieldName();
    }

    public String headerName() {
        return configuration.getHeaderName();
    }

    /** A CSRF token; {@code fresh} when the browser does not have it yet. */
    public record Token(String value, boolean fresh) {
    }
}
