package th.ita.dashboards.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.session.SessionIdResolver;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The browser's session: the same opaque token {@code POST /api/sign-in} gives a script, kept in an
 * HttpOnly, SameSite=Lax cookie (Secure when the request came over TLS). Pages and their forms are
 * CSRF-checked; on {@code /api/**} the cookie is read for safe methods only (a chart in an img tag),
 * so a forged cross-site POST to the API never carries the session.
 */
@Singleton
public class SessionCookie implements TokenReader<HttpRequest<?>>, SessionIdResolver<HttpRequest<?>> {
    public static final String NAME = "ita_session";

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/") && !safe(request.getMethod())) {
            return Optional.empty();
        }
        return value(request);
    }

    /** Binds CSRF tokens to the session they were made for (the token is only ever hashed into an HMAC). */
    @Override
    public Optional<String> findSessionId(HttpRequest<?> request) {
        return value(request);
    }

    public static Optional<String> value(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(value -> !value.isBlank());
    }

    /** {@code secure}: the browser came over TLS (directly or through a trusted proxy). */
    public static Cookie issue(String token, Instant expiresAt, boolean secure) {
        long seconds = Math.max(0, Duration.between(Instant.now(), expiresAt).getSeconds());
        return Cookie.of(NAME, token).httpOnly(true).sameSite(SameSite.Lax).path("/").secure(secure).maxAge(seconds);
    }

    public static Cookie clear(boolean secure) {
        return Cookie.of(NAME, "").httpOnly(true).sameSite(SameSite.Lax).path("/").secure(secure).maxAge(0);
    }

    private static boolean safe(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD;
    }

    @Override
    public int getOrder() {
        // After the Authorization header: a script's bearer token wins over a cookie.
        return 100;
    }
}
