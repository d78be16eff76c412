package th.ita.dashboards.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import th.ita.analytics.summary.SummarizeGroup;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.access.Role;
import th.ita.core.framework.Metric;
import th.ita.core.geography.Province;
import th.ita.core.organization.Organization;
import th.ita.dashboards.port.ScopedScores;
import th.ita.dashboards.web.Numbers;
import th.ita.dashboards.web.Pages;
import th.ita.dashboards.web.Texts;

/** The home page fits the role: who you are, and where your work starts. Also the organization search. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class HomePage {
    private static final int SEARCH_LIMIT = 50;
    private final Pages pages;
    private final ScopedScores scores;
    private final Places places;

    HomePage(Pages pages, ScopedScores scores, Places places) {
        this.pages = pages;
        this.scores = scores;
        this.places = places;
    }

    public record ProvinceLink(String code, String name, int organizations, String mean, String median) {
    }

    public record OrganizationLink(String code, String name, String type, String province) {
    }

    public record HomeView(String displayName, String username, String role, String tenant, int year, OrganizationLink ownOrganization,
                           List<ProvinceLink> provinces, boolean analyses, boolean administers, boolean pickProvince, List<ProvinceLink> allProvinces) {
    }

    public record SearchView(String query, List<OrganizationLink> results, boolean more) {
    }

    @Get
    MutableHttpResponse<?> home(HttpRequest<?> request, @Nullable Authentication authentication) {
        return pages.page(request, authentication, "home", this::view);
    }

    private HomeView view(Pages.Context context) {
        Texts t = context.t();
        ScopedScores.Reads reads = scores.of(context.authentication(), context.tenant());
        ScoreTable table = reads.table();
        int year = table.years().isEmpty() ? 0 : table.years().get(table.years().size() - 1);
        OrganizationLink own = null;
        if (context.person().organizationCode() != null) {
            own = link(t, reads.organization(context.person().organizationCode()));
        }
        int[] visible = reads.visibleMembers();
        Map<String, List<Integer>> byProvince = new TreeMap<>();
        for (int member : visible) {
            byProvince.computeIfAbsent(table.organization(member).provinceCode(), k -> new ArrayList<>()).add(member);
        }
        List<ProvinceLink> mine = new ArrayList<>();
        List<String> codes = context.person().role() == Role.PROVINCE_OFFICER ? context.person().provinceCodes()
                : own != null ? List.of(reads.organization(context.person().organizationCode()).provinceCode()) : List.of();
        for (String code : codes) {
            mine.add(provinceLink(t, table, year, code, reads.provinceMembers(code)));
        }
        List<ProvinceLink> all = new ArrayList<>();
        boolean pick = context.person().analyses();
        if (pick) {
            for (Province province : places.geography().provinces()) {
                List<Integer> members = byProvince.get(province.code());
                if (members != null) {
                    all.add(new ProvinceLink(province.code(), t.pick(province.nameTh(), province.nameEn()), members.size(), "", ""));
                }
            }
        }
        return new HomeView(context.person().displayName(), context.person().username(), context.chrome().roleName(), context.tenant(), year, own,
                mine, context.person().analyses(), context.person().administers(), pick, all);
    }

    private ProvinceLink provinceLink(Texts t, ScoreTable table, int year, String code, int[] members) {
        SummarizeGroup.Summary summary = SummarizeGroup.of(table, year, Metric.TOTAL, members);
        return new ProvinceLink(code, places.province(t, code), summary.count(), Numbers.two(summary.mean()), Numbers.two(summary.median()));
    }

    private OrganizationLink link(Texts t, Organization organization) {
        return new OrganizationLink(organization.code(), Places.name(t, organization), Places.type(t, organization), places.province(t, organization.provinceCode()));
    }

    /** Organizations whose name or code contains the query, of those the person may see. */
    @Get("/organizations")
    MutableHttpResponse<?> search(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @QueryValue String q) {
        return pages.page(request, authentication, "search", context -> {
            String query = q == null ? "" : q.strip();
            List<OrganizationLink> results = new ArrayList<>();
            boolean more = false;
            if (!query.isEmpty()) {
                String needle = query.toLowerCase(Locale.ROOT);
                for (Organization organization : scores.of(context.authentication(), context.tenant()).organizations()) {
                    if (organization.code().equalsIgnoreCase(query) || organization.fullNameTh().contains(query)
                            || organization.nameEn() != null && organization.nameEn().toLowerCase(Locale.ROOT).contains(needle)) {
                        if (results.size() == SEARCH_LIMIT) {
                            more = true;
                            break;
                        }
                        results.add(link(context.t(), organization));
                    }
                }
            }
            return new SearchView(query, results, more);
        });
    }

    /** The province picker's form lands here. */
    @Get("/provinces")
    MutableHttpResponse<?> pick(@Nullable @QueryValue String province) {
        String code = province == null ? null : places.geography().province(province.strip()).map(Province::code).orElse(null);
        return HttpResponse.seeOther(URI.create(code == null ? "/" : "/provinces/" + code));
    }
}
