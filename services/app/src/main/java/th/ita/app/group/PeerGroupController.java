package th.ita.app.group;

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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import th.ita.app.access.AuditLog;
import th.ita.app.access.ScopedData;
import th.ita.core.access.Role;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.organization.Organization;

/** Saved custom peer groups: a named, fixed set of organizations to rank and compare. */
@Controller("/api/tenants/{tenant}/groups")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class PeerGroupController {
    private static final int MAX_MEMBERS = 10_000;
    private final ScopedData data;
    private final PeerGroupRepositories.Groups groups;
    private final PeerGroupRepositories.Members members;
    private final AuditLog audit;

    PeerGroupController(ScopedData data, PeerGroupRepositories.Groups groups, PeerGroupRepositories.Members members, AuditLog audit) {
        this.data = data;
        this.groups = groups;
        this.members = members;
        this.audit = audit;
    }

    @Serdeable
    record NewGroup(String name, List<String> organizationCodes) {
    }

    /** A group with the members the caller may see ({@code size} counts them all). */
    @Serdeable
    record GroupView(long id, String name, String createdBy, Instant createdAt, int size, List<String> organizationCodes) {
    }

    /** Saves a group of organizations the caller may see (1 to 10,000, by code). */
    @Post
    @Transactional
    HttpResponse<GroupView> create(Authentication authentication, @PathVariable String tenant, @Body NewGroup group) {
        ScopedData.Reads reads = data.of(authentication, tenant);
        if (group.name() == null || group.name().isBlank() || group.name().length() > 200) {
            throw ItaException.invalidInput("a group needs a name of 1–200 characters");
        }
        if (group.organizationCodes() == null || group.organizationCodes().isEmpty() || group.organizationCodes().size() > MAX_MEMBERS) {
            throw ItaException.invalidInput("a group needs 1–" + MAX_MEMBERS + " organization codes");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String code : group.organizationCodes()) {
            ids.add(reads.organization(code).id());
        }
        PeerGroupEntity saved = groups.save(new PeerGroupEntity(null, reads.tenant().value(), group.name().strip(), reads.caller().username(), Instant.now()));
        for (long id : ids) {
            members.save(new PeerGroupMemberEntity(new PeerGroupMemberEntity.Key(saved.id(), id)));
        }
        audit.record(reads.tenant(), reads.caller().username(), "GROUP_CREATED", "group " + saved.id(), saved.name() + ": " + ids.size() + " organizations");
        return HttpResponse.created(view(reads, saved));
    }

    @Get
    List<GroupView> list(Authentication authentication, @PathVariable String tenant) {
        ScopedData.Reads reads = data.of(authentication, tenant);
        return groups.findByTenantIdOrderByName(reads.tenant().value()).stream().map(group -> view(reads, group)).toList();
    }

    @Get("/{id}")
    GroupView group(Authentication authentication, @PathVariable String tenant, @PathVariable long id) {
        ScopedData.Reads reads = data.of(authentication, tenant);
        return view(reads, find(reads, id));
    }

    /** The group ranked on a metric (definitions as for /organizations/{code}/rank); rows masked to what the caller may see. */
    @Get("/{id}/ranking")
    List<RankedMember> ranking(Authentication authentication, @PathVariable String tenant, @PathVariable long id, int year,
                               @QueryValue(defaultValue = "total") String metric) {
        ScopedData.Reads reads = data.of(authentication, tenant);
        PeerGroupEntity group = find(reads, id);
        return reads.ranking("CUSTOM:" + group.id(), members.organizationIds(group.id()), year, metric).stream()
                .map(row -> new RankedMember(row.organization().code(), row.organization().fullNameTh(), row.ranked().score(), row.ranked().rank(),
                        row.ranked().groupSize(), row.ranked().percentile(), row.ranked().quartile(), row.ranked().gapToMedian(),
                        row.ranked().tooCloseToCall(), row.ranked().change()))
                .toList();
    }

    @Serdeable
    record RankedMember(String code, String nameTh, double score, int rank, int groupSize, double percentile, int quartile, double gapToMedian,
                        boolean tooCloseToCall, @io.micronaut.core.annotation.Nullable Integer change) {
    }

    /** Deletes a group: its creator or a tenant admin. */
    @Delete("/{id}")
    @Transactional
    HttpResponse<?> delete(Authentication authentication, @PathVariable String tenant, @PathVariable long id) {
        ScopedData.Reads reads = data.of(authentication, tenant);
        PeerGroupEntity group = find(reads, id);
        if (!group.createdBy().equals(reads.caller().username()) && reads.caller().scope().role() != Role.TENANT_ADMIN) {
            throw new ItaException(ErrorCode.FORBIDDEN, "only its creator or a tenant admin deletes a group");
        }
        members.deleteMembers(group.id());
        groups.delete(group);
        audit.record(reads.tenant(), reads.caller().username(), "GROUP_DELETED", "group " + id, group.name());
        return HttpResponse.noContent();
    }

    private PeerGroupEntity find(ScopedData.Reads reads, long id) {
        return groups.findByTenantIdAndId(reads.tenant().value(), id).orElseThrow(() -> ItaException.notFound("group " + id + " not found"));
    }

    private GroupView view(ScopedData.Reads reads, PeerGroupEntity group) {
        Set<Long> ids = new java.util.HashSet<>(members.organizationIds(group.id()));
        List<String> visible = new ArrayList<>();
        for (Organization organization : reads.organizations()) {
            if (ids.contains(organization.id())) {
                visible.add(organization.code());
            }
        }
        return new GroupView(group.id(), group.name(), group.createdBy(), group.createdAt(), ids.size(), visible);
    }
}
