package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;
import th.ita.storage.jdbc.PackedScores;

/**
 * Score facts move from one row per fact ({@code score_fact}) to one row per batch × org-year ({@code score_pack},
 * see {@link PackedScores}): every fact stored before is packed with its batch, org-year, metric, provenance and
 * value, then the old table is dropped. A Java migration because the packs are binary. One schema for H2
 * (MODE=PostgreSQL, where BYTEA is VARBINARY) and PostgreSQL.
 */
public class V8__score_packs extends BaseJavaMigration {
    private static final int INSERTS_PER_BATCH = 1_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE score_pack (
                        batch_id        BIGINT      NOT NULL,
                        organization_id BIGINT      NOT NULL,
                        fiscal_year     INTEGER     NOT NULL,
                        part            INTEGER     NOT NULL,
                        tenant_id       VARCHAR(40) NOT NULL,
                        facts           INTEGER     NOT NULL,
                        pack            BYTEA       NOT NULL,
                        PRIMARY KEY (batch_id, organization_id, fiscal_year, part)
                    )""");
        }
        try (PreparedStatement read = connection.prepareStatement("""
                SELECT batch_id, organization_id, fiscal_year, tenant_id, metric, provenance, score FROM score_fact
                ORDER BY batch_id, organization_id, fiscal_year, metric, provenance""");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO score_pack (batch_id, organization_id, fiscal_year, part, tenant_id, facts, pack) VALUES (?, ?, ?, 1, ?, ?, ?)")) {
            read.setFetchSize(10_000);
            List<ScoreFact> open = new ArrayList<>();
            long batchId = 0;
            String tenant = null;
            int pending = 0;
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    long rowBatch = rows.getLong(1);
                    ScoreFact fact = new ScoreFact(rows.getLong(2), rows.getInt(3), rows.getString(5), rows.getDouble(7),
                            "D".equals(rows.getString(6)) ? Provenance.DERIVED : Provenance.REPORTED);
                    if (!open.isEmpty() && (rowBatch != batchId || fact.organizationId() != open.get(0).organizationId() || fact.year() != open.get(0).year())) {
                        pending += add(insert, batchId, tenant, open);
                        if (pending >= INSERTS_PER_BATCH) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                    batchId = rowBatch;
                    tenant = rows.getString(4);
                    open.add(fact);
                }
            }
            if (!open.isEmpty()) {
                pending += add(insert, batchId, tenant, open);
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE score_fact");
        }
    }

    private static int add(PreparedStatement insert, long batchId, String tenant, List<ScoreFact> facts) throws SQLException {
        insert.setLong(1, batchId);
        insert.setLong(2, facts.get(0).organizationId());
        insert.setInt(3, facts.get(0).year());
        insert.setString(4, tenant);
        insert.setInt(5, facts.size());
        insert.setBytes(6, PackedScores.pack(facts));
        insert.addBatch();
        facts.clear();
        return 1;
    }
}
