package th.ita.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.ita.analytics.table.ScoreTable;
import th.ita.app.access.TenantTables;
import th.ita.core.organization.Organizations;
import th.ita.core.tenant.TenantId;
import th.ita.ingest.IngestOptions;
import th.ita.ingest.IngestProgress;
import th.ita.ingest.IngestScores;

/**
 * The analytics table across restarts on the embedded store: a publish writes the table's snapshot, a
 * restart reads it instead of the facts, and a publish made since is never hidden by an older snapshot.
 */
class TableSnapshotRestartIT {
    private static final TenantId TENANT = TenantId.of("restarts");
    private static final String HEADER = "organization_code,organization_name,organization_type,province,district,year,metric,value\n";

    @TempDir
    Path data;

    private ApplicationContext context;

    private ApplicationContext start() {
        return ApplicationContext.run(Map.of("ita.data-directory", data.toString(), "ita.demo.load-on-start", "false",
                "micronaut.server.port", "-1"), "test");
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    private void ingest(String name, double total) throws Exception {
        Path file = data.resolve(name);
        Files.writeString(file, HEADER + "5713-01,ม่วงยาย,ทต.,เชียงราย,แม่สาย,2568,total," + total + "\n");
        context.getBean(IngestScores.class).ingest(TENANT, file, name, IngestOptions.detect(), IngestProgress.NONE);
    }

    private double total() {
        ScoreTable table = context.getBean(TenantTables.class).table(TENANT);
        long id = context.getBean(Organizations.class).byCode(TENANT, "5713-01").orElseThrow().id();
        return table.value(2568, "total", table.indexOf(id).orElseThrow());
    }

    private void awaitBuilt(long tables) throws InterruptedException {
        TenantTables tenantTables = context.getBean(TenantTables.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (tenantTables.tablesBuilt() < tables && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(tenantTables.tablesBuilt()).as("tables built after the publish").isEqualTo(tables);
    }

    @Test
    void aPublishWritesTheSnapshotThatTheNextStartReadsAndANewerPublishReplacesIt() throws Exception {
        context = start();
        ingest("first.csv", 93.61);
        awaitBuilt(1);
        context.close();

        context = start();
        assertThat(total()).isEqualTo(93.61);
        assertThat(context.getBean(TenantTables.class).tablesLoaded()).isEqualTo(1);
        assertThat(context.getBean(TenantTables.class).tablesBuilt()).isZero();
        ingest("second.csv", 93.72);
        awaitBuilt(1);
        context.close();

        context = start();
        assertThat(total()).isEqualTo(93.72);
        assertThat(context.getBean(TenantTables.class).tablesLoaded()).isEqualTo(1);
        assertThat(context.getBean(TenantTables.class).tablesBuilt()).isZero();
    }

    @Test
    void aSnapshotLeftFromBeforeAPublishIsNotServedAfterTheRestart() throws Exception {
        context = start();
        ingest("first.csv", 93.61);
        awaitBuilt(1);
        Path snapshot = data.resolve("analytics").resolve(TENANT.value() + ".table");
        byte[] older = Files.readAllBytes(snapshot);
        ingest("second.csv", 93.72);
        awaitBuilt(2);
        context.close();
        // As if the node had stopped before its rebuild after the second publish.
        Files.write(snapshot, older);

        context = start();

        assertThat(total()).isEqualTo(93.72);
        assertThat(context.getBean(TenantTables.class).tablesBuilt()).isEqualTo(1);
    }
}
