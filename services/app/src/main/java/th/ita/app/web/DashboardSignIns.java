package th.ita.app.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import th.ita.app.access.Caller;
import th.ita.app.signin.PasswordSignIn;
import th.ita.core.organization.Organization;
import th.ita.core.organization.Organizations;
import th.ita.dashboards.port.Person;
import th.ita.dashboards.port.SignIns;

/** The dashboards' sign-in, over the same password sign-in as the API. */
@Singleton
class DashboardSignIns implements SignIns {
    private final PasswordSignIn signIns;
    private final Organizations organizations;
    private final ClientAddress clients;

    DashboardSignIns(PasswordSignIn signIns, Organizations organizations, ClientAddress clients) {
        this.signIns = signIns;
        this.organizations = organizations;
        this.clients = clients;
    }

    @Override
    public Outcome signIn(String tenant, String username, String password, HttpRequest<?> request) {
        PasswordSignIn.Outcome outcome = signIns.signIn(tenant, username, password, clients.of(request));
        if (outcome instanceof PasswordSignIn.SignedIn signed) {
            return new SignedIn(signed.token().token(), signed.token().expiresAt(), signed.tenant());
        }
        if (outcome instanceof PasswordSignIn.Throttled throttled) {
            return new Throttled(throttled.seconds());
        }
        return new Refused();
    }

    @Override
    public boolean overTls(HttpRequest<?> request) {
        return clients.overTls(request);
    }

    @Override
    public void signOut(Authentication authentication) {
        signIns.signOut(Caller.of(authentication));
    }

    @Override
    public Person person(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        String organization = caller.scope().organizationId() == null ? null
                : organizations.byId(caller.scope().tenant(), caller.scope().organizationId()).map(Organization::code).orElse(null);
        return new Person(caller.username(), signIns.displayName(caller), caller.scope().tenant().value(), caller.scope().role(),
                caller.scope().provinceCodes().stream().sorted().toList(), organization);
    }

}
