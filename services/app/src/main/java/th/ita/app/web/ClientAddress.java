package th.ita.app.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is on the other end of a request. The connection's address, unless it is one of the configured
 * trusted proxies ({@code ita.trusted-proxies}, ITA_TRUSTED_PROXIES: addresses separated by commas):
 * then the nearest address in X-Forwarded-For that is not itself a trusted proxy. A client can put
 * anything into X-Forwarded-For, so the header counts only when a trusted proxy sent it.
 */
@Singleton
public class ClientAddress {
    private final Set<String> trustedProxies;

    public ClientAddress(@Value("${ita.trusted-proxies:}") String trustedProxies) {
        this.trustedProxies = Arrays.stream(trustedProxies.split(",")).map(String::strip).filter(a -> !a.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public String of(HttpRequest<?> request) {
        String peer = request.getRemoteAddress().getAddress().getHostAddress();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getAll("X-Forwarded-For").stream()
                .flatMap(header -> Arrays.stream(header.split(","))).map(String::strip).filter(a -> !a.isEmpty()).toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(forwarded.get(i))) {
                return forwarded.get(i);
            }
        }
        return peer;
    }

    /** Whether the client reached us over TLS: directly, or through a trusted proxy that says so. */
    public boolean overTls(HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        String peer = request.getRemoteAddress().getAddress().getHostAddress();
        return trustedProxies.contains(peer) && "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto", String.class).orElse("").strip());
    }
}
