package th.ita.app.ranking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Locale;
import th.ita.analytics.ranking.PeerGroup;
import th.ita.analytics.ranking.RankPeers;
import io.micronaut.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import th.ita.app.access.AuditLog;
import th.ita.app.access.ScopedData;
import th.ita.app.export.CsvExport;
import th.ita.core.error.ItaException;
import th.ita.core.geography.Geography;
import th.ita.core.organization.Organization;

/**
 * Rankings within a peer group (default: the organizations of the same province), as reports quote
 * them: "ลำดับที่ 50 จาก 143". See {@link RankPeers} for how rank, percentile, quartile, gaps and
 * "too close to call" are defined.
 */
@Controller("/api/tenants/{tenant}/organizations/{code}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class RankingController {
    private final ScopedData data;
    private final Geography geography;
    private final AuditLog audit;

    RankingController(ScopedData data, Geography geography, AuditLog audit) {
        this.data = data;
        this.geography = geography;
        this.audit = audit;
    }

    /** A ranked member of the group. {@code change}: previous rank − rank, positive when it moved up. */
    @Serdeable
    record RankView(String code, String nameTh, int year, String metric, double score, int rank, int groupSize, double percentile, double percentRank,
                    int quartile, double gapToAbove, double gapToMedian, double gapToTop, int bestRank, int worstRank, boolean tooCloseToCall,
                    @Nullable Integer previousRank, @Nullable Integer change, String groupTh, String summaryTh) {
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
     */
    @Get("/rank")
    RankView rank(Authentication authentication, @PathVariable String tenant, @PathVariable String code, int year,
                  @QueryValue(defaultValue = "total") String metric, @QueryValue(defaultValue = "PROVINCE") String group) {
        ScopedData.Reads reads = data.of(authentication, tenant);
        Organization organization = reads.organization(code);
        return rows(reads, organization, year, metric, group).stream().filter(view -> view.code().equals(code)).findFirst()
                .orElseThrow(() -> ItaException.notFound(organization.fullNameTh() + " has no " + metric + " score in " + year));
    }

    /** Every member of the organization's group that the caller may see, best first; ranks count the whole group. */
    @Get("/peers")
    List<RankView> peers(Authentication authentication, @PathVariable String tenant, @PathVariable String code, int year,
                         @QueryValue(defaultValue = "total") String metric, @QueryValue(defaultValue = "PROVINCE") String group) {
        ScopedData.Reads reads = data.of(authentication, tenant);
        return rows(reads, reads.organization(code), year, metric, group);
    }

    /** The same rows as a CSV download (analysts and tenant admins; audited). */
    @Get("/peers.csv")
    HttpResponse<byte[]> peersCsv(Authentication authentication, @PathVariable String tenant, @PathVariable String code, int year,
                                  @QueryValue(defaultValue = "total") String metric, @QueryValue(defaultValue = "PROVINCE") String group) {
        ScopedData.Reads reads = data.of(authentication, tenant);
        reads.requireExport();
        List<RankView> rows = rows(reads, reads.organization(code), year, metric, group);
        audit.record(reads.tenant(), reads.caller().username(), "EXPORT", "peers of " + code, year + " " + metric + " " + group + ": " + rows.size() + " rows");
        List<List<Object>> cells = new ArrayList<>();
        for (RankView r : rows) {
            cells.add(Arrays.asList(CsvExport.text(r.code()), CsvExport.text(r.nameTh()), r.year(), CsvExport.text(r.metric()), r.score(), r.rank(),
                    r.groupSize(), r.percentile(), r.percentRank(), r.quartile(), r.gapToAbove(), r.gapToMedian(), r.gapToTop(), r.tooCloseToCall() ? "yes" : "no",
                    r.previousRank(), r.change()));
        }
        return CsvExport.of("peers-" + code + "-" + year + "-" + metric + ".csv", List.of("code", "name_th", "year", "metric", "score", "rank",
                "group_size", "percentile", "percent_rank", "quartile", "gap_to_above", "gap_to_median", "gap_to_top", "too_close_to_call", "previous_rank", "change"), cells);
    }

    private List<RankView> rows(ScopedData.Reads reads, Organization anchor, int year, String metric, String group) {
        PeerGroup peerGroup;
        try {
            peerGroup = PeerGroup.valueOf(group.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ItaException.invalidInput("group must be PROVINCE, PROVINCE_TYPE or NATION_TYPE, not '" + group + "'");
        }
        String groupTh = describe(anchor, peerGroup);
        return reads.ranking(anchor, year, metric, peerGroup).stream().map(row -> {
            RankPeers.Ranked r = row.ranked();
            return new RankView(row.organization().code(), row.organization().fullNameTh(), year, metric, r.score(), r.rank(), r.groupSize(),
                    r.percentile(), r.percentRank(), r.quartile(), r.gapToAbove(), r.gapToMedian(), r.gapToTop(), r.bestRank(), r.worstRank(), r.tooCloseToCall(),
                    r.previousRank(), r.change(), groupTh, "ลำดับที่ " + r.rank() + " จาก " + r.groupSize() + " " + groupTh);
        }).toList();
    }

    private String describe(Organization anchor, PeerGroup group) {
        String province = geography.provinceByCode(anchor.provinceCode()).map(p -> p.nameTh()).orElse(anchor.provinceCode());
        return switch (group) {
            case PROVINCE -> "หน่วยงานประเภท อปท. ในจังหวัด" + province;
            case PROVINCE_TYPE -> anchor.type().nameTh() + " ในจังหวัด" + province;
            case NATION_TYPE -> anchor.type().nameTh() + " ทั่วประเทศ";
        };
    }
}
