package th.ita.app.ranking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A ranked organization, the one shape of it the API serves (rank, peers, a saved group's ranking, the
 * overview). {@code change}: previous rank − rank, positive when it moved up. {@code groupTh} and
 * {@code summaryTh} are Thai always ("ลำดับที่ 50 จาก 143 หน่วยงานประเภท อปท. ในจังหวัดเชียงราย"); {@code group}
 * and {@code summary} are in the caller's language. {@code basis}: the figures ranked where a reported and a
 * derived one differ ({@code reported}, the default, or {@code derived}, per tenant). {@code reportedRank}: the
 * rank the source published (in the province, on the total), with {@code reportedRankNote} saying why it differs.
 */
@Serdeable
public record RankedOrganizationView(String code, String nameTh, int year, String metric, double score, int rank, int groupSize,
                                     double percentile, double percentRank, int quartile, double gapToAbove, double gapToMedian, double gapToTop,
                                     int bestRank, int worstRank, boolean tooCloseToCall, @Nullable Integer previousRank, @Nullable Integer change,
                                     String groupTh, String summaryTh, String group, String summary,
                                     String basis, @Nullable Integer reportedRank, @Nullable String reportedRankNote) {
}
