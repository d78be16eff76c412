package th.ita.app.ingest;

import io.micronaut.http.HttpResponse;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.util.List;
import th.ita.app.administration.AccessAdministration;
import th.ita.app.audit.AuditLog;
import th.ita.app.access.Caller;
import th.ita.app.access.ScopedData;
import th.ita.core.batch.IngestBatch;
import th.ita.core.message.Language;
import th.ita.dashboards.port.Administration;

/** The dashboards' administration: the services, rights and audit behind the API's administration and batch endpoints. */
@Singleton
class DashboardAdministration implements Administration {
    private final ScopedData data;
    private final AccessAdministration administration;
    private final AuditLog audit;
    private final BatchController batches;

    DashboardAdministration(ScopedData data, AccessAdministration administration, AuditLog audit, BatchController batches) {
        this.data = data;
        this.administration = administration;
        this.audit = audit;
        this.batches = batches;
    }

    private ScopedData.Reads admin(Authentication authentication) {
        ScopedData.Reads reads = reads(authentication);
        reads.requireAdministration();
        return reads;
    }

    private ScopedData.Reads reads(Authentication authentication) {
        // The API's path: the request's caller, then the reads its scope allows.
        Caller caller = Caller.of(authentication);
        return data.of(caller, caller.scope().tenant().value());
    }

    private static String tenant(Authentication authentication) {
        return Caller.of(authentication).scope().tenant().value();
    }

    /** The page's language (its ?lang= or cookie), for the row errors and findings the catalog words. */
    private static Language language() {
        return io.micronaut.http.context.ServerRequestContext.currentRequest().map(th.ita.dashboards.web.Pages::language)
                .map(Language::parse).orElse(Language.TH);
    }

    private static User user(AccessAdministration.UserView u) {
        return new User(u.id(), u.username(), u.displayName(), u.role(), u.provinceCodes(), u.organizationCode(), u.disabled());
    }

    @Override
    public List<User> users(Authentication authentication) {
        return administration.users(admin(authentication).tenant()).stream().map(DashboardAdministration::user).toList();
    }

    @Override
    public User createUser(Authentication authentication, NewUser user) {
        ScopedData.Reads reads = admin(authentication);
        return user(administration.createUser(reads.tenant(), reads.caller().username(), new AccessAdministration.NewUser(user.username(),
                user.displayName(), user.role(), user.password(), user.provinces(), user.organizationCode())));
    }

    @Override
    public User setDisabled(Authentication authentication, long userId, boolean disabled) {
        ScopedData.Reads reads = admin(authentication);
        return user(administration.setDisabled(reads.tenant(), reads.caller().username(), userId, disabled));
    }

    @Override
    public List<Token> tokens(Authentication authentication) {
        return administration.apiTokens(admin(authentication).tenant()).stream()
                .map(t -> new Token(t.id(), t.name(), t.username(), t.createdAt(), t.expiresAt(), t.revokedAt())).toList();
    }

    @Override
    public IssuedToken createToken(Authentication authentication, long userId, String name, int days) {
        ScopedData.Reads reads = admin(authentication);
        AccessAdministration.NewToken token = administration.createApiToken(reads.tenant(), reads.caller().username(), userId, name, days);
        return new IssuedToken(token.id(), token.token(), token.expiresAt());
    }

    @Override
    public void revokeToken(Authentication authentication, long tokenId) {
        ScopedData.Reads reads = admin(authentication);
        administration.revokeToken(reads.tenant(), reads.caller().username(), tokenId);
    }

    @Override
    public List<AuditEvent> audit(Authentication authentication, int limit) {
        return audit.recent(admin(authentication).tenant(), limit, language()).stream()
                .map(e -> new AuditEvent(e.at(), e.actor(), e.action(), e.actionText(), e.targetText(), e.detailText())).toList();
    }

    private static Batch batch(IngestBatch b) {
        return new Batch(b.id(), b.fileName(), b.format(), b.status().name(), b.startedAt(), b.finishedAt(), b.rowsRead(), b.scoresAccepted(),
                b.scoresDerived(), b.rowsRejected(), b.findings(), b.orgYears(), b.failure() == null ? null : b.failure().in(language()));
    }

    @Override
    public List<Batch> batches(Authentication authentication, int limit) {
        return reads(authentication).batches(limit).stream().map(DashboardAdministration::batch).toList();
    }

    @Override
    public Batch batch(Authentication authentication, long id) {
        return batch(reads(authentication).batch(id));
    }

    @Override
    public List<RowError> errors(Authentication authentication, long batchId, int offset, int limit) {
        return reads(authentication).errors(batchId, offset, limit).stream().map(e -> RowErrorView.of(e, language()))
                .map(e -> new RowError(e.line(), e.column(), e.value(), e.code(), e.message())).toList();
    }

    @Override
    public List<Finding> findings(Authentication authentication, long batchId, int offset, int limit) {
        return reads(authentication).findings(batchId, offset, limit).stream().map(f -> FindingView.of(f, language()))
                .map(f -> new Finding(f.year(), f.metric(), f.kind(), f.reported(), f.derived(), f.message())).toList();
    }

    @Override
    public Upload upload(Authentication authentication, InputStream in, String contentType, long contentLength,
                         java.util.function.Consumer<java.util.Map<String, String>> beforeFile) {
        ScopedData.Reads reads;
        try {
            reads = reads(authentication);
            reads.requireIngest();
        } catch (RuntimeException refused) {
            batches.skip(in);
            throw refused;
        }
        HttpResponse<IngestResponse> answer = batches.receive(reads, in, contentType, contentLength, null, null, null, beforeFile, language());
        IngestResponse body = answer.body();
        BatchView b = body.batch();
        return new Upload(new Batch(b.id(), b.fileName(), b.format(), b.status(), b.startedAt(), b.finishedAt(), b.rowsRead(), b.scoresAccepted(),
                b.scoresDerived(), b.rowsRejected(), b.findings(), b.orgYears(), b.failure()), body.alreadyLoaded(),
                body.firstErrors().stream().map(e -> new RowError(e.line(), e.column(), e.value(), e.code(), e.message())).toList());
    }
}
