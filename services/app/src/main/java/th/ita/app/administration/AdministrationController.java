package th.ita.app.administration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import th.ita.app.access.Caller;
import th.ita.app.access.ScopedData;
import th.ita.app.audit.AuditLog;
import th.ita.app.message.RequestLanguage;

/** Users, API tokens and the audit log of a tenant: tenant admins only. */
@Controller("/api/tenants/{tenant}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class AdministrationController {
    private final ScopedData data;
    private final AccessAdministration administration;
    private final AuditLog audit;

    AdministrationController(ScopedData data, AccessAdministration administration, AuditLog audit) {
        this.data = data;
        this.administration = administration;
        this.audit = audit;
    }

    private ScopedData.Reads admin(Caller caller, String tenant) {
        ScopedData.Reads reads = data.of(caller, tenant);
        reads.requireAdministration();
        return reads;
    }

    @Get("/users")
    List<AccessAdministration.UserView> users(Caller caller, @PathVariable String tenant) {
        return administration.users(admin(caller, tenant).tenant());
    }

    @Post("/users")
    HttpResponse<AccessAdministration.UserView> createUser(Caller caller, @PathVariable String tenant,
                                                           @Body AccessAdministration.NewUser user) {
        ScopedData.Reads reads = admin(caller, tenant);
        return HttpResponse.created(administration.createUser(reads.tenant(), reads.caller().username(), user));
    }

    @Post("/users/{id}/disable")
    AccessAdministration.UserView disable(Caller caller, @PathVariable String tenant, @PathVariable long id) {
        ScopedData.Reads reads = admin(caller, tenant);
        return administration.setDisabled(reads.tenant(), reads.caller().username(), id, true);
    }

    @Post("/users/{id}/enable")
    AccessAdministration.UserView enable(Caller caller, @PathVariable String tenant, @PathVariable long id) {
        ScopedData.Reads reads = admin(caller, tenant);
        return administration.setDisabled(reads.tenant(), reads.caller().username(), id, false);
    }

    @Serdeable
    record TokenRequest(long userId, @Nullable String name, @Nullable Integer days) {
    }

    /** A new API token for a user of the tenant; the token is in this answer only. */
    @Post("/tokens")
    HttpResponse<AccessAdministration.NewToken> createToken(Caller caller, @PathVariable String tenant, @Body TokenRequest request) {
        ScopedData.Reads reads = admin(caller, tenant);
        return HttpResponse.created(administration.createApiToken(reads.tenant(), reads.caller().username(), request.userId(), request.name(),
                request.days() == null ? 90 : request.days()));
    }

    @Get("/tokens")
    List<AccessAdministration.TokenView> tokens(Caller caller, @PathVariable String tenant) {
        return administration.apiTokens(admin(caller, tenant).tenant());
    }

    @Delete("/tokens/{id}")
    HttpResponse<?> revoke(Caller caller, @PathVariable String tenant, @PathVariable long id) {
        ScopedData.Reads reads = admin(caller, tenant);
        administration.revokeToken(reads.tenant(), reads.caller().username(), id);
        return HttpResponse.noContent();
    }

    /** Sign-ins, ingests, exports and administrative changes, newest first. */
    @Get("/audit")
    List<AuditLog.AuditEvent> audit(HttpRequest<?> request, Caller caller, @PathVariable String tenant, @QueryValue(defaultValue = "100") int limit) {
        return audit.recent(admin(caller, tenant).tenant(), Math.min(Math.max(limit, 1), 1_000), RequestLanguage.of(request));
    }
}
