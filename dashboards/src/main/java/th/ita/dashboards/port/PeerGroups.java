package th.ita.dashboards.port;

import io.micronaut.security.authentication.Authentication;
import java.util.List;

/** Saved peer groups (the API's {@code /groups}): an analyst names a set of organizations to compare again. */
public interface PeerGroups {

    record Group(long id, String name, String createdBy, List<String> organizationCodes) {
    }

    List<Group> list(Authentication authentication);

    Group save(Authentication authentication, String name, List<String> organizationCodes);
}
