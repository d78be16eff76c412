package th.ita.core.access;

/** What a user of a tenant may do. */
public enum Role {
    /** Manages users and tokens, ingests data, reads everything of the tenant. */
    TENANT_ADMIN,
    /** Reads every organization of the tenant; exports data and charts. */
    ANALYST,
    /** Reads every organization of the provinces assigned to them. */
    PROVINCE_OFFICER,
    /** Reads their own organization in full; of peers only what ITA publishes anyway (name, total, level, rank). */
    ORGANIZATION_USER
}
