package th.ita.core.tenant;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** A customer of the platform. Every stored row belongs to one, and every store call names one. */
public record TenantId(String value) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public TenantId {
        requireNonNull(value, "value is null");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("tenant id must be 1–40 lowercase letters, digits or '-': " + value);
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
