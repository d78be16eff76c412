package th.ita.core.score;

/** Where a score comes from: a source reported it, or the platform derived it from the level below. */
public enum Provenance {
    REPORTED,
    DERIVED
}
