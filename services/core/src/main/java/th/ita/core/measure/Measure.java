package th.ita.core.measure;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import th.ita.core.tenant.TenantId;

/**
 * One measure an organization sets for a fiscal year (มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน),
 * linked to the indicator or item it is to raise ({@code targetCode}), and how it went: {@code status}
 * (PLANNED, IN_PROGRESS, DONE, CANCELLED), {@code result}, {@code evidenceUrl}. {@code id} is null until stored.
 */
public record Measure(Long id, TenantId tenant, long organizationId, int fiscalYear, String targetCode, String title, String method,
                      String owner, String period, String status, String result, String evidenceUrl, String updatedBy, Instant updatedAt) {
    public Measure {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(targetCode, "targetCode is null");
        requireNonNull(title, "title is null");
        requireNonNull(method, "method is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(period, "period is null");
        requireNonNull(status, "status is null");
        requireNonNull(result, "result is null");
        requireNonNull(updatedBy, "updatedBy is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }

    /** The same measure under the id the store gave it. */
    public Measure withId(long stored) {
        return new Measure(stored, tenant, organizationId, fiscalYear, targetCode, title, method, owner, period, status, result, evidenceUrl,
                updatedBy, updatedAt);
    }
}
