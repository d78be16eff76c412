package th.ita.app.group;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.List;
import th.ita.app.access.Caller;
import th.ita.dashboards.port.PeerGroups;

/** The dashboards' saved peer groups: the API's own endpoint logic (validation, scope, audit). */
@Singleton
class DashboardPeerGroups implements PeerGroups {
    private final PeerGroupController groups;

    DashboardPeerGroups(PeerGroupController groups) {
        this.groups = groups;
    }

    private static String tenant(Authentication authentication) {
        return Caller.of(authentication).scope().tenant().value();
    }

    @Override
    public List<Group> list(Authentication authentication) {
        return groups.list(Caller.of(authentication), tenant(authentication)).stream()
                .map(g -> new Group(g.id(), g.name(), g.createdBy(), g.organizationCodes())).toList();
    }

    @Override
    public Group save(Authentication authentication, String name, List<String> organizationCodes) {
        PeerGroupController.GroupView saved = groups.create(Caller.of(authentication), tenant(authentication), new PeerGroupController.NewGroup(name, organizationCodes)).body();
        return new Group(saved.id(), saved.name(), saved.createdBy(), saved.organizationCodes());
    }
}
