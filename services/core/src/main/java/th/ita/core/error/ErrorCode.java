package th.ita.core.error;

/** What went wrong, in terms a caller can act on; the HTTP layer maps each code to a status. */
public enum ErrorCode {
    NOT_FOUND,
    INVALID_INPUT,
    CONFLICT,
    FORBIDDEN,
    STORAGE_UNAVAILABLE
}
