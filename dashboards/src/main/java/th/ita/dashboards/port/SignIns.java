package th.ita.dashboards.port;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import java.time.Instant;

/**
 * Password sign-in for people in a browser, with the same accounts, throttling and audit as
 * {@code POST /api/sign-in}. The application implements it; the session it issues is the same
 * opaque token a script gets, carried in a cookie instead of a header.
 */
public interface SignIns {

    /** The outcome of a sign-in attempt. */
    sealed interface Outcome permits SignedIn, Refused, Throttled {
    }

    /** A new session: the token to keep in the cookie, and when it expires. */
    record SignedIn(String token, Instant expiresAt, String tenant) implements Outcome {
    }

    /** A wrong username or password (the same answer for both). */
    record Refused() implements Outcome {
    }

    /** Too many failed attempts: try again after the given seconds. */
    record Throttled(long seconds) implements Outcome {
    }

    /**
     * Signs in with a password in a tenant (blank: the tenant the username alone names, or
     * {@code name@tenant}), throttled by account and by the client's address as the API's sign-in is:
     * the connection's address, or a trusted proxy's forwarded one.
     */
    Outcome signIn(String tenant, String username, String password, HttpRequest<?> request);

    /** Whether the browser reached us over TLS, directly or through a trusted proxy that says so (the cookie's Secure flag). */
    boolean overTls(HttpRequest<?> request);

    /** Ends the session the request was made with. */
    void signOut(Authentication authentication);

    /** Who is behind an authenticated request. */
    Person person(Authentication authentication);
}
