package th.ita.app.group;

import io.micronaut.core.annotation.Nullable;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import th.ita.app.access.Caller;
import th.ita.app.ranking.RankedOrganizationView;
import th.ita.app.ranking.RankedOrganizations;
import th.ita.app.validation.BuddhistYear;
import th.ita.app.access.ScopedData;
import th.ita.app.audit.AuditLog;
import th.ita.core.error.ItaException;
import th.ita.core.group.PeerGroups;
import th.ita.core.group.SavedPeerGroup;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.organization.Organization;

/** Saved custom peer groups: a named, fixed set of organizations to rank and compare. */
@Controller("/api/tenants/{tenant}/groups")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class PeerGroupController {
    private static final int MAX_MEMBERS = 10_000;
    private final ScopedData data;
    private final RankedOrganizations ranked;
    private final PeerGroups groups;
    private final AuditLog audit;

    PeerGroupController(ScopedData data, RankedOrganizations ranked, PeerGroups groups, AuditLog audit) {
        this.data = data;
        this.ranked = ranked;
        this.groups = groups;
        this.audit = audit;
    }

    /** A name of 1–200 characters and 1–10,000 organization codes (each up to 50 characters). */
    @Serdeable
    record NewGroup(@NotBlank @Size(max = 200) String name, @NotEmpty @Size(max = MAX_MEMBERS) List<@NotBlank @Size(max = 50) String> organizationCodes) {
    }

    /** A group with the members the caller may see ({@code size} counts them all). */
    @Serdeable
    record GroupView(long id, String name, String createdBy, Instant createdAt, int size, List<String> organizationCodes) {
    }

    /** Saves a group of organizations the caller may see (1 to 10,000, by code). */
    @Post
    HttpResponse<GroupView> create(Caller caller, @PathVariable String tenant, @Body @Valid NewGroup group) {
        ScopedData.Reads reads = data.of(caller, tenant);
        Set<Long> ids = new LinkedHashSet<>();
        for (String code : group.organizationCodes()) {
            ids.add(reads.organization(code).id());
        }
        SavedPeerGroup saved = groups.save(reads.tenant(), group.name().strip(), reads.caller().username(), ids);
        audit.record(reads.tenant(), reads.caller().username(), "GROUP_CREATED", Message.of("audit.target.group", "id", saved.id()),
                Message.of("audit.detail.group", "name", saved.name(), "organizations", ids.size()));
        return HttpResponse.created(view(reads, saved));
    }

    @Get
    List<GroupView> list(Caller caller, @PathVariable String tenant) {
        ScopedData.Reads reads = data.of(caller, tenant);
        return groups.of(reads.tenant()).stream().map(group -> view(reads, group)).toList();
    }

    @Get("/{id}")
    GroupView group(Caller caller, @PathVariable String tenant, @PathVariable long id) {
        ScopedData.Reads reads = data.of(caller, tenant);
        return view(reads, find(reads, id));
    }

    /** The group ranked on a metric (definitions as for /organizations/{code}/rank); rows masked to what the caller may see. */
    @Get("/{id}/ranking")
    List<RankedOrganizationView> ranking(Caller caller, @Nullable Language lang, @PathVariable String tenant, @PathVariable long id, @BuddhistYear int year,
                                         @QueryValue(defaultValue = "total") @NotBlank @Size(max = 100) String metric) {
        ScopedData.Reads reads = data.of(caller, tenant);
        SavedPeerGroup group = find(reads, id);
        return ranked.views(reads.ranking("CUSTOM:" + group.id(), groups.members(reads.tenant(), group.id()), year, metric), year, metric,
                RankedOrganizations.savedGroupName(group.name()), lang);
    }

    /** Deletes a group: its creator or a tenant admin. */
    @Delete("/{id}")
    HttpResponse<?> delete(Caller caller, @PathVariable String tenant, @PathVariable long id) {
        ScopedData.Reads reads = data.of(caller, tenant);
        SavedPeerGroup group = find(reads, id);
        reads.scope().requireGroupDeletion(group.createdBy());
        groups.delete(reads.tenant(), group.id());
        audit.record(reads.tenant(), reads.caller().username(), "GROUP_DELETED", Message.of("audit.target.group", "id", id), Message.of("audit.detail.name", "name", group.name()));
        return HttpResponse.noContent();
    }

    private SavedPeerGroup find(ScopedData.Reads reads, long id) {
        return groups.find(reads.tenant(), id).orElseThrow(() -> ItaException.notFound(Message.of("problem.groupNotFound", "id", id)));
    }

    private GroupView view(ScopedData.Reads reads, SavedPeerGroup group) {
        Set<Long> ids = new java.util.HashSet<>(groups.members(reads.tenant(), group.id()));
        List<String> visible = new ArrayList<>();
        for (Organization organization : reads.organizations()) {
            if (ids.contains(organization.id())) {
                visible.add(organization.code());
            }
        }
        return new GroupView(group.id(), group.name(), group.createdBy(), group.createdAt(), ids.size(), visible);
    }
}
