package th.ita.dashboards.port;

import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Optional;
import th.ita.analytics.level.NextLevel;
import th.ita.analytics.ranking.PeerGroup;
import th.ita.analytics.ranking.RankPeers;
import th.ita.analytics.table.ScoreTable;
import th.ita.analytics.trend.TrendOf;
import th.ita.analytics.weakness.FindWeaknesses;
import th.ita.core.framework.Framework;
import th.ita.core.message.Message;
import th.ita.core.organization.Organization;
import th.ita.core.score.OrgYearResult;

/**
 * What the pages read on a person's behalf. The application implements it over the same scoped reads
 * as its API, so a page can show nothing the API would not answer: another tenant and organizations
 * outside a province officer's provinces read as not found, and of peers an organization user sees
 * name, total and level only (unless the tenant publishes peer detail).
 */
public interface ScopedScores {

    Reads of(Authentication authentication, String tenant);

    /** One year of an organization; {@code masked}: only the total and the level (without its reason). */
    record Year(OrgYearResult result, boolean masked, List<Framework.MethodologyChange> methodologyChanges) {
    }

    /** A ranked member of a peer group. */
    record Ranked(Organization organization, RankPeers.Ranked ranked) {
    }

    /** The reads of one person in one tenant. Errors are the platform's {@code ItaException}s (NOT_FOUND, FORBIDDEN, …). */
    interface Reads {
        Person person();

        /** Every organization the person may see. */
        List<Organization> organizations();

        /** An organization by code; NOT_FOUND when outside the person's scope. */
        Organization organization(String code);

        /** Whether its tools, indicators and items may be shown. */
        boolean detailVisible(Organization organization);

        /** Whether peers' scores below the total may be shown (not to organization users, unless published). */
        boolean peerDetailVisible();

        /** Every year of an organization, oldest first, masked for a peer. */
        List<Year> years(Organization organization);

        /** The organization's group ranked on a metric: ranks count the whole group, rows are those the person may see. */
        List<Ranked> ranking(Organization anchor, int year, String metric, PeerGroup group);

        /** The tenant's scores in memory; read only the members the methods below give. */
        ScoreTable table();

        /** The organizations of a province the person may compare, by table index; NOT_FOUND outside an officer's provinces. */
        int[] provinceMembers(String provinceCode);

        /** Every organization the person may compare, by table index. */
        int[] visibleMembers();

        /** Weaknesses and strengths with the items that drag them and guidance; FORBIDDEN without detail. */
        FindWeaknesses.Result weaknesses(Organization organization, int year);

        /** A metric's series with methodology breaks; below the total FORBIDDEN without detail. */
        TrendOf.Trend trend(Organization organization, String metric);

        /** The points to the next level; FORBIDDEN without detail. */
        Optional<NextLevel.Result> nextLevel(Organization organization, int year);

        /** Below this an indicator is weak (the national target, 85 by default). */
        double weaknessThreshold();

        /**
         * Starts an export of rows of several organizations: FORBIDDEN unless the person may export. Call it before
         * building the file: the export is audited with its outcome (handed out, refused or failed) once the response is sent.
         * {@code what} names it and {@code detail} says how it was asked for and what it holds (catalog messages,
         * {@code audit.target.*} and {@code audit.detail.*}); the size of the file is added when it is sent.
         */
        void exported(Message what, Message detail);

        /** As {@link #exported}, for one organization's own detail, which its own users may export too. */
        void exportedOf(Organization organization, Message what, Message detail);

        /** Whether the person may export this organization's own detail (its report, its figures): exporters, and its own users. */
        boolean mayExportDetailOf(Organization organization);

        /**
         * An export that was handed out but broke off on the way (a streamed pack whose client left or whose part
         * failed), written to the audit log as a failure beside the export already recorded.
         */
        void exportFailed(Message what, Message reason);
    }
}
