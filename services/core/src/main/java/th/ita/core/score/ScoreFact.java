package th.ita.core.score;

import static java.util.Objects.requireNonNull;

/** A score of an organization in a year for one metric, with its provenance. */
public record ScoreFact(long organizationId, int year, String metric, double value, Provenance provenance) {
    public ScoreFact {
        requireNonNull(metric, "metric is null");
        requireNonNull(provenance, "provenance is null");
    }
}
