package th.ita.dashboards.port;

import io.micronaut.security.authentication.Authentication;
import java.time.Instant;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import th.ita.core.access.Role;

/**
 * What a tenant admin manages from the pages: users, API tokens, uploads and their batch reports, and the
 * audit log — the same services, rights and audit as the API's (FORBIDDEN for anyone but a tenant admin;
 * batches also for analysts).
 */
public interface Administration {

    record User(long id, String username, String displayName, Role role, List<String> provinceCodes, String organizationCode, boolean disabled) {
    }

    record NewUser(String username, String displayName, Role role, String password, List<String> provinces, String organizationCode) {
    }

    record Token(long id, String name, String username, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    /** A new API token: its text is shown this once. */
    record IssuedToken(long id, String token, Instant expiresAt) {
    }

    /** An audited event: {@code action} its stable code, {@code actionText} its label in the page's language. */
    record AuditEvent(Instant at, String actor, String action, String actionText, String target, String detail) {
    }

    record Batch(long id, String fileName, String format, String status, Instant startedAt, Instant finishedAt, long rowsRead, long scoresAccepted,
                 long scoresDerived, long rowsRejected, long findings, long orgYears, String failure) {
    }

    record RowError(long line, String column, String value, String code, String message) {
    }

    record Finding(int year, String metric, String kind, String reported, String derived, String message) {
    }

    /** What an upload became; {@code alreadyLoaded}: the same file was loaded before and nothing changed. */
    record Upload(Batch batch, boolean alreadyLoaded, List<RowError> firstErrors) {
    }

    List<User> users(Authentication authentication);

    User createUser(Authentication authentication, NewUser user);

    User setDisabled(Authentication authentication, long userId, boolean disabled);

    List<Token> tokens(Authentication authentication);

    IssuedToken createToken(Authentication authentication, long userId, String name, int days);

    void revokeToken(Authentication authentication, long tokenId);

    List<AuditEvent> audit(Authentication authentication, int limit);

    List<Batch> batches(Authentication authentication, int limit);

    Batch batch(Authentication authentication, long id);

    List<RowError> errors(Authentication authentication, long batchId, int offset, int limit);

    List<Finding> findings(Authentication authentication, long batchId, int offset, int limit);

    /**
     * Loads the field {@code file} of a multipart/form-data body as one batch, streamed from the request
     * exactly as {@code POST /api/tenants/{t}/batches} receives it (and audited the same): the right to load
     * and the declared size are checked before the body is read; {@code beforeFile} is given the form's
     * fields that precede the file before a byte of the file is written to disk, and refuses by throwing;
     * the form's {@code format} and {@code encoding} are checked then too.
     */
    Upload upload(Authentication authentication, InputStream body, String contentType, long contentLength, Consumer<Map<String, String>> beforeFile);
}
