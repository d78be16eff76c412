package th.ita.app.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Security headers on every response, errors and 401s included (this filter wraps the security
 * filter). The Content-Security-Policy fits server-rendered pages that load their scripts, styles,
 * fonts and images from this origin only (images also as data: URLs); nothing may frame the
 * platform. HSTS only over TLS: over plain HTTP a browser ignores it, and a local installation
 * without TLS must stay reachable. A response that sets a header itself keeps its own.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeaders implements Ordered {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    private final ClientAddress clients;

    SecurityHeaders(ClientAddress clients) {
        this.clients = clients;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        setIfAbsent(response, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
        setIfAbsent(response, "X-Content-Type-Options", "nosniff");
        setIfAbsent(response, "Referrer-Policy", "same-origin");
        setIfAbsent(response, "X-Frame-Options", "DENY");
        setIfAbsent(response, "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (request.getPath().startsWith("/api/")) {
            // Scores, users and tokens: no shared cache keeps them (charts set their own private caching).
            setIfAbsent(response, "Cache-Control", "no-store");
        }
        if (clients.overTls(request)) {
            setIfAbsent(response, "Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    private static void setIfAbsent(MutableHttpResponse<?> response, String name, String value) {
        if (!response.getHeaders().contains(name)) {
            response.header(name, value);
        }
    }
}
