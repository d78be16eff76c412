package th.ita.app.ranking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import th.ita.analytics.ranking.PeerGroup;
import th.ita.app.export.ExportPolicy;
import th.ita.app.access.Caller;
import th.ita.app.access.ScopedData;
import th.ita.app.export.CsvExport;
import th.ita.app.validation.BuddhistYear;
import th.ita.app.validation.OneOf;
import th.ita.core.error.ItaException;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.organization.Organization;

/**
 * Rankings within a peer group (default: the organizations of the same province), as reports quote
 * them: "ลำดับที่ 50 จาก 143". See {@link th.ita.analytics.ranking.RankPeers} for how rank, percentile,
 * quartile, gaps and "too close to call" are defined.
 */
@Controller("/api/tenants/{tenant}/organizations/{code}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class RankingController {
    private final ScopedData data;
    private final RankedOrganizations ranked;
    private final ExportPolicy exports;

    RankingController(ScopedData data, RankedOrganizations ranked, ExportPolicy exports) {
        this.data = data;
        this.ranked = ranked;
        this.exports = exports;
    }

    /**
     * The organization's rank in its group. Definitions: rank is standard competition ranking, higher
     * score first, ties sharing the best rank (1, 2, 2, 4); percentRank is Excel's PERCENTRANK.INC as Excel
     * shows it — the share of the other members scoring lower, truncated to three decimals (29 of 44 → 0.659;
     * a group of one gives 1) — and percentile is percentRank × 100 (65.9); quartile 1 is the best quarter
     * (percentRank ≥ 0.75); gaps are points to the next better score, to the median (negative below it) and
     * to the top, on exact values rounded once half up; tooCloseToCall marks scores less than 0.5 apart from another, with bestRank–worstRank
     * the ranks it could hold within that margin; change is previous rank − rank (positive = moved up).
     * Groups: PROVINCE (every organization of the province, the reports' "ลำดับที่ 50 ของหน่วยงานประเภท อปท.
     * ในจังหวัดเชียงราย"), PROVINCE_TYPE, NATION_TYPE. Ranks count the whole group, whatever the caller may see.
     * {@code basis}: the totals ranked where a reported and a derived one differ ({@code reported}, the default,
     * or {@code derived}, per tenant). {@code reportedRank}: the rank the source published (province, total),
     * with {@code rankNoteTh}/{@code rankNoteEn} saying why it differs from the computed one.
     */
    @Get("/rank")
    RankedOrganizationView rank(Caller caller, @Nullable Language lang, @PathVariable String tenant, @PathVariable @Size(max = 50) String code,
                                @BuddhistYear int year, @QueryValue(defaultValue = "total") @NotBlank @Size(max = 100) String metric,
                                @QueryValue(defaultValue = "PROVINCE") @OneOf({"PROVINCE", "PROVINCE_TYPE", "NATION_TYPE"}) String group) {
        ScopedData.Reads reads = data.of(caller, tenant);
        Organization organization = reads.organization(code);
        return RankedOrganizations.of(rows(reads, organization, year, metric, group, lang), organization)
                .orElseThrow(() -> ItaException.notFound(Message.of("problem.organizationHasNoScore", "organization", organization.fullNameTh(),
                        "metric", metric, "year", year)));
    }

    /** Every member of the organization's group that the caller may see, best first; ranks count the whole group. */
    @Get("/peers")
    List<RankedOrganizationView> peers(Caller caller, @Nullable Language lang, @PathVariable String tenant, @PathVariable @Size(max = 50) String code,
                                       @BuddhistYear int year, @QueryValue(defaultValue = "total") @NotBlank @Size(max = 100) String metric,
                                       @QueryValue(defaultValue = "PROVINCE") @OneOf({"PROVINCE", "PROVINCE_TYPE", "NATION_TYPE"}) String group) {
        ScopedData.Reads reads = data.of(caller, tenant);
        return rows(reads, reads.organization(code), year, metric, group, lang);
    }

    /** The same rows as a CSV download (analysts and tenant admins; audited); headers and yes/no in the caller's language. */
    @Get("/peers.csv")
    HttpResponse<byte[]> peersCsv(Caller caller, @Nullable Language lang, @PathVariable String tenant, @PathVariable @Size(max = 50) String code,
                                  @BuddhistYear int year, @QueryValue(defaultValue = "total") @NotBlank @Size(max = 100) String metric,
                                  @QueryValue(defaultValue = "PROVINCE") @OneOf({"PROVINCE", "PROVINCE_TYPE", "NATION_TYPE"}) String group) {
        ScopedData.Reads reads = data.of(caller, tenant);
        return exports.ofGroup(reads, Message.of("audit.target.peersOf", "code", code), year + " " + metric + " " + group, () -> peersFile(reads, code, year, metric, group, lang));
    }

    private HttpResponse<byte[]> peersFile(ScopedData.Reads reads, String code, int year, String metric, String group, Language lang) {
        List<RankedOrganizationView> rows = rows(reads, reads.organization(code), year, metric, group, lang);
        List<List<Object>> cells = new ArrayList<>();
        for (RankedOrganizationView r : rows) {
            cells.add(Arrays.asList(CsvExport.text(r.code()), CsvExport.text(r.nameTh()), r.year(), CsvExport.text(r.metric()), r.score(), r.rank(),
                    r.groupSize(), r.percentile(), r.percentRank(), r.quartile(), r.gapToAbove(), r.gapToMedian(), r.gapToTop(),
                    CsvExport.yesNo(r.tooCloseToCall(), lang), r.previousRank(), r.change()));
        }
        return CsvExport.of("peers-" + code + "-" + year + "-" + metric + ".csv", lang, List.of("code", "name_th", "year", "metric", "score", "rank",
                "group_size", "percentile", "percent_rank", "quartile", "gap_to_above", "gap_to_median", "gap_to_top", "too_close_to_call", "previous_rank", "change"), cells);
    }

    private List<RankedOrganizationView> rows(ScopedData.Reads reads, Organization anchor, int year, String metric, String group, Language lang) {
        PeerGroup peerGroup = PeerGroup.valueOf(group.strip().toUpperCase(Locale.ROOT));
        return ranked.views(reads.ranking(anchor, year, metric, peerGroup), year, metric, ranked.groupName(anchor, peerGroup), lang,
                peerGroup == PeerGroup.PROVINCE ? reads.table() : null);
    }
}
