package th.ita.core.score;

/** One organization in one fiscal year (BE): the unit a batch replaces. */
public record OrgYear(long organizationId, int year) {
}
