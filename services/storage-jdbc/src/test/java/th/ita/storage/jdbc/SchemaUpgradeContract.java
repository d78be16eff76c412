package th.ita.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.batch.IngestBatch;
import th.ita.core.message.Language;
import th.ita.core.score.CurrentScores;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;
import th.ita.core.score.ScoreHistory;
import th.ita.core.score.ScoreHistory.HistoricalScore;
import th.ita.core.tenant.TenantId;

/**
 * A database of an older layout upgrades and answers what it held: scores in the layout before V8 (one row per
 * fact) as score packs, the same current values and history afterwards; batches failed before V9 with their
 * reasons in the catalog's words where the platform wrote them in fixed words. Subclasses give a fresh database
 * for each test.
 */
abstract class SchemaUpgradeContract {
    private static final TenantId TENANT = TenantId.of("chiang-rai");

    protected abstract String url();

    protected abstract String username();

    protected abstract String password();

    protected abstract String dialect();

    @Test
    void packsTheFactsStoredBeforeAndKeepsTheirCurrentValuesAndHistory() throws Exception {
        Flyway.configure().dataSource(url(), username(), password()).target("7").load().migrate();
        try (Connection connection = DriverManager.getConnection(url(), username(), password()); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO organization (id, tenant_id, code, name_th, type, province_code) VALUES (1, 'chiang-rai', '5713-01', 'ม่วงยาย', 'SUBDISTRICT_MUNICIPALITY', '57')");
            statement.execute("INSERT INTO organization (id, tenant_id, code, name_th, type, province_code) VALUES (2, 'chiang-rai', '5713-02', 'ท่าข้าม', 'SUBDISTRICT_MUNICIPALITY', '57')");
            for (int batch = 1; batch <= 2; batch++) {
                statement.execute("INSERT INTO ingest_batch (id, tenant_id, file_name, checksum, format, status, started_at) VALUES (" + batch
                        + ", 'chiang-rai', 'f" + batch + ".csv', 'c" + batch + "', 'csv', 'PUBLISHED', CURRENT_TIMESTAMP)");
            }
            statement.execute("INSERT INTO batch_org_year VALUES (1, 1, 2568, 'chiang-rai'), (2, 1, 2568, 'chiang-rai'), (1, 2, 2568, 'chiang-rai'), (1, 1, 2567, 'chiang-rai')");
            statement.execute("INSERT INTO org_year_current VALUES ('chiang-rai', 1, 2568, 2), ('chiang-rai', 2, 2568, 1), ('chiang-rai', 1, 2567, 1)");
            statement.execute("""
                    INSERT INTO score_fact (batch_id, organization_id, fiscal_year, metric, provenance, tenant_id, score) VALUES
                    (1, 1, 2568, 'total', 'R', 'chiang-rai', 95.00), (1, 1, 2568, 'EIT', 'R', 'chiang-rai', 90.5),
                    (2, 1, 2568, 'total', 'R', 'chiang-rai', 95.41), (2, 1, 2568, 'total', 'D', 'chiang-rai', 95.4166),
                    (2, 1, 2568, 'reported_level', 'R', 'chiang-rai', 4),
                    (1, 2, 2568, 'total', 'R', 'chiang-rai', 71.25), (1, 1, 2567, 'total', 'R', 'chiang-rai', 90.10)""");
        }

        try (ApplicationContext context = JdbcStoreTestSupport.start(url(), username(), password(), dialect())) {
            CurrentScores current = context.getBean(CurrentScores.class);
            ScoreHistory history = context.getBean(ScoreHistory.class);

            assertThat(current.ofOrganization(TENANT, 1)).containsExactly(
                    new ScoreFact(1, 2567, "total", 90.10, Provenance.REPORTED),
                    new ScoreFact(1, 2568, "reported_level", 4, Provenance.REPORTED),
                    new ScoreFact(1, 2568, "total", 95.4166, Provenance.DERIVED),
                    new ScoreFact(1, 2568, "total", 95.41, Provenance.REPORTED));
            assertThat(current.ofYear(TENANT, 2568, Set.of("total"))).containsExactly(
                    new ScoreFact(1, 2568, "total", 95.4166, Provenance.DERIVED),
                    new ScoreFact(1, 2568, "total", 95.41, Provenance.REPORTED),
                    new ScoreFact(2, 2568, "total", 71.25, Provenance.REPORTED));
            assertThat(history.of(TENANT, 1, 2568, "total")).containsExactly(
                    new HistoricalScore(1, 95.00, Provenance.REPORTED, false),
                    new HistoricalScore(2, 95.41, Provenance.REPORTED, true),
                    new HistoricalScore(2, 95.4166, Provenance.DERIVED, true));
            assertThat(history.of(TENANT, 1, 2568, "EIT")).containsExactly(new HistoricalScore(1, 90.5, Provenance.REPORTED, false));
        }
        try (Connection connection = DriverManager.getConnection(url(), username(), password());
             var rows = connection.getMetaData().getTables(null, null, "score_fact", null)) {
            assertThat(rows.next()).as("the old one-row-per-fact table is gone").isFalse();
        }
    }

    @Test
    void givesTheReasonsOfBatchesFailedBeforeTheirCatalogKeysAndKeepsAnyOtherOldTextAsItWas() throws Exception {
        Flyway.configure().dataSource(url(), username(), password()).target("8").load().migrate();
        String[] failures = {
            "'no valid scores in the file: every row was rejected'",
            "'interrupted: the platform stopped while this batch was loading; nothing of it was published'",
            "'the file could not be read: Stream closed'",
            "'the file could not be loaded: line 3: something odd'",
            "NULL"};
        try (Connection connection = DriverManager.getConnection(url(), username(), password()); Statement statement = connection.createStatement()) {
            for (int batch = 1; batch <= failures.length; batch++) {
                statement.execute("INSERT INTO ingest_batch (id, tenant_id, file_name, checksum, format, status, started_at, failure) VALUES (" + batch
                        + ", 'chiang-rai', 'f" + batch + ".csv', 'c" + batch + "', 'csv', '" + (batch < failures.length ? "FAILED" : "PUBLISHED")
                        + "', CURRENT_TIMESTAMP, " + failures[batch - 1] + ")");
            }
        }

        try (ApplicationContext context = JdbcStoreTestSupport.start(url(), username(), password(), dialect())) {
            BatchCatalog catalog = context.getBean(BatchCatalog.class);
            IngestBatch noValidScores = catalog.batch(TENANT, 1).orElseThrow();
            IngestBatch interrupted = catalog.batch(TENANT, 2).orElseThrow();
            IngestBatch unreadable = catalog.batch(TENANT, 3).orElseThrow();
            IngestBatch other = catalog.batch(TENANT, 4).orElseThrow();

            assertThat(noValidScores.failure().key()).contains("batch.failure.noValidScores");
            assertThat(noValidScores.failure().in(Language.TH)).isEqualTo("ไม่มีคะแนนที่ใช้ได้ในไฟล์: ทุกแถวถูกปฏิเสธ");
            assertThat(noValidScores.failure().in(Language.EN)).isEqualTo("no valid scores in the file: every row was rejected");
            assertThat(interrupted.failure().in(Language.TH)).startsWith("ถูกขัดจังหวะ");
            assertThat(unreadable.failure().key()).contains("file.unreadable");
            assertThat(unreadable.failure().in(Language.TH)).isEqualTo("อ่านไฟล์ไม่ได้");
            assertThat(other.failure().key()).isEmpty();
            assertThat(other.failure().in(Language.TH)).isEqualTo("the file could not be loaded: line 3: something odd");
            assertThat(catalog.batch(TENANT, 5).orElseThrow().failure()).isNull();
        }
    }
}
