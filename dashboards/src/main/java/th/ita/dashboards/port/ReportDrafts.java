package th.ita.dashboards.port;

import io.micronaut.security.authentication.Authentication;
import java.io.IOException;
import java.util.Optional;

/**
 * The yearly analysis report drafts (DOCX, and PDF where Chromium is installed) for the pages' packs,
 * with the rights of the report endpoints: an organization's draft is its detail (404 outside the
 * person's scope, 403 for a peer's). The application implements it; the packs audit what they give.
 */
public interface ReportDrafts {

    /** A written draft and the file name it goes by. */
    record Draft(String organizationCode, String fileName, byte[] bytes) {
    }

    /** What is done with each draft of a province, in code order. */
    @FunctionalInterface
    interface Each {
        void accept(Draft draft) throws IOException;
    }

    Draft docx(Authentication authentication, String code, int year);

    /** The PDF, or empty where this installation cannot print one (no Chromium). */
    Optional<Draft> pdf(Authentication authentication, String code, int year);

    /**
     * The DOCX drafts of every organization of the province with a total in the year, in code order, on
     * the platform's report workers (one per core, shared with the batch jobs): memory stays bounded
     * however large the province. For those who see the detail of the province's organizations.
     *
     * @return how many organizations of the province had no total that year (no draft)
     */
    int province(Authentication authentication, String provinceCode, int year, Each each) throws IOException;
}
