package th.ita.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.ita.analytics.table.ScoreTable;
import th.ita.app.access.Caller;
import th.ita.app.access.TenantTables;
import th.ita.app.access.TestCallers;
import th.ita.app.signin.AccessTokens;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.batch.BatchStatus;
import th.ita.core.batch.IngestBatch;
import th.ita.core.organization.Organizations;
import th.ita.core.score.CurrentScores;
import th.ita.core.tenant.TenantId;
import th.ita.ingest.IngestOptions;
import th.ita.ingest.IngestReport;
import th.ita.ingest.IngestScores;

/**
 * Two application processes on one database (two application contexts on one H2 file, each its own
 * node): one starting up must not fail the other's upload nor delete its spooled files, and what one
 * publishes the other reads at once.
 */
class TwoNodesIT {
    private static final TenantId TENANT = TenantId.of("two-nodes");
    private static final String HEADER = "organization_code,organization_name,organization_type,province,district,year,metric,value\n";

    @TempDir
    Path data;

    private ApplicationContext nodeA;
    private ApplicationContext nodeB;

    private ApplicationContext start(String node) {
        return ApplicationContext.run(Map.of("ita.data-directory", data.toString(), "ita.demo.load-on-start", "false",
                "ita.node.id", node, "micronaut.server.port", "-1"), "test");
    }

    @AfterEach
    void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    void aStartingNodeLeavesTheUploadOfALiveNodeAloneAndBothSeeItPublished() throws Exception {
        nodeA = start("node-a");
        Path file = data.resolve("scores.csv");
        Files.writeString(file, HEADER + "5713-01,ม่วงยาย,ทต.,เชียงราย,แม่สาย,2568,total,93.72\n");
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch nodeBStarted = new CountDownLatch(1);
        CompletableFuture<IngestReport> upload = CompletableFuture.supplyAsync(() -> nodeA.getBean(IngestScores.class).ingest(TENANT, file,
                "scores.csv", IngestOptions.detect(), (bytes, total, rows) -> {
                    // The last progress report comes after the file is read, before anything is published.
                    if (bytes == total) {
                        loading.countDown();
                        await(nodeBStarted);
                    }
                }));
        assertThat(loading.await(30, TimeUnit.SECONDS)).isTrue();
        IngestBatch inFlight = nodeA.getBean(BatchCatalog.class).loading(TENANT).get(0);
        assertThat(inFlight.owner()).isEqualTo("node-a");

        nodeB = start("node-b");
        assertThat(nodeB.getBean(BatchCatalog.class).batch(TENANT, inFlight.id()).orElseThrow().status()).isEqualTo(BatchStatus.LOADING);
        // A reader on node b while node a loads: nothing of the batch yet, not even its new organization.
        assertThat(nodeB.getBean(TenantTables.class).table(TENANT).organizations()).isEmpty();
        nodeBStarted.countDown();

        IngestReport report = upload.get(60, TimeUnit.SECONDS);
        assertThat(report.batch().status()).isEqualTo(BatchStatus.PUBLISHED);
        long organization = nodeB.getBean(Organizations.class).byCode(TENANT, "5713-01").orElseThrow().id();
        assertThat(nodeB.getBean(CurrentScores.class).ofOrganization(TENANT, organization)).anySatisfy(fact -> assertThat(fact.value()).isEqualTo(93.72));
        // The next read on node b sees the published batch.
        ScoreTable table = nodeB.getBean(TenantTables.class).table(TENANT);
        assertThat(table.value(2568, "total", table.indexOf(organization).orElseThrow())).isEqualTo(93.72);
    }

    @Test
    void aRestartingNodeFailsOnlyItsOwnEarlierRunsBatches() {
        nodeA = start("node-a");
        BatchCatalog catalog = nodeA.getBean(BatchCatalog.class);
        IngestBatch ofNodeA = catalog.start(TENANT, "a.csv", "a", "csv", "node-a");
        IngestBatch ofNodeB = catalog.start(TENANT, "b.csv", "b", "csv", "node-b");
        nodeA.close();

        nodeA = start("node-a");

        catalog = nodeA.getBean(BatchCatalog.class);
        assertThat(catalog.batch(TENANT, ofNodeA.id()).orElseThrow().status()).isEqualTo(BatchStatus.FAILED);
        assertThat(catalog.batch(TENANT, ofNodeB.id()).orElseThrow().status()).isEqualTo(BatchStatus.LOADING);
    }

    @Test
    void eachNodeSpoolsUploadsInItsOwnDirectoryAndClearsOnlyThatOneAtStart() throws IOException {
        nodeA = start("node-a");
        Path spoolOfA = nodeA.getBean(Node.class).spoolDirectory();
        Files.createDirectories(spoolOfA);
        Path inFlight = Files.writeString(spoolOfA.resolve("upload-1.part"), "being uploaded to node a");
        Path spoolOfB = data.resolve("uploads").resolve("node-b");
        Files.createDirectories(spoolOfB);
        Path leftOver = Files.writeString(spoolOfB.resolve("upload-2.part"), "left by node b's last run");

        nodeB = start("node-b");

        assertThat(nodeB.getBean(Node.class).spoolDirectory()).isEqualTo(spoolOfB).isNotEqualTo(spoolOfA);
        assertThat(inFlight).exists();
        assertThat(leftOver).doesNotExist();
        assertThat(List.of(spoolOfA, spoolOfB)).allSatisfy(directory -> assertThat(directory).startsWith(data));
    }

    @Test
    void aTokenRevokedThroughOneNodeIsRefusedByTheOtherWithinSeconds() throws Exception {
        nodeA = start("node-a");
        nodeB = start("node-b");
        String token = nodeA.getBean(TestCallers.class).admin("two-nodes-tokens");
        AccessTokens onA = nodeA.getBean(AccessTokens.class);
        AccessTokens onB = nodeB.getBean(AccessTokens.class);
        assertThat(onB.authenticate(token)).isPresent();

        Caller caller = onA.authenticate(token).orElseThrow();
        assertThat(onA.revoke("two-nodes-tokens", caller.tokenId())).isTrue();

        assertThat(onA.authenticate(token)).as("the revoking node, at once").isEmpty();
        long revoked = System.nanoTime();
        while (onB.authenticate(token).isPresent()) {
            assertThat(Duration.ofNanos(System.nanoTime() - revoked)).as("the other node, within its memory of a token")
                    .isLessThan(AccessTokens.REMEMBER.plusSeconds(2));
            Thread.sleep(100);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
