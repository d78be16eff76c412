package th.ita.app;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.ita.app.access.TenantTables;
import th.ita.app.administration.AccessAdministration;
import th.ita.app.demo.DemoAccess;
import th.ita.app.demo.DemoDataset;
import th.ita.core.access.Role;
import th.ita.core.batch.ReclaimAbandonedBatches;
import th.ita.core.framework.Frameworks;
import th.ita.core.geography.Geography;
import th.ita.core.message.Language;
import th.ita.core.message.Messages;
import th.ita.core.organization.Organizations;
import th.ita.core.tenant.TenantId;
import th.ita.ingest.IngestOptions;
import th.ita.ingest.IngestReport;
import th.ita.ingest.IngestScores;

/**
 * What start-up does: fail the batches this node's earlier run or a dead node left loading (nothing of
 * them was visible; a live node's uploads go on), clear this node's spooled uploads, create the
 * configured first tenant and admin, load the national demo dataset and the demo
 * tenants and users on first start when enabled, and print where to go.
 */
@Singleton
class StartUp {
    private static final Logger LOG = LoggerFactory.getLogger(StartUp.class);
    private final PlatformConfiguration configuration;
    private final ReclaimAbandonedBatches abandoned;
    private final Node node;
    private final Organizations organizations;
    private final IngestScores ingest;
    private final Geography geography;
    private final Frameworks frameworks;
    private final DemoAccess demoAccess;
    private final AccessAdministration administration;
    private final TenantTables tables;
    private DemoAccess.Credentials credentials;

    StartUp(PlatformConfiguration configuration, ReclaimAbandonedBatches abandoned, Node node, Organizations organizations, IngestScores ingest, Geography geography,
            Frameworks frameworks, DemoAccess demoAccess, AccessAdministration administration, TenantTables tables) {
        this.configuration = configuration;
        this.abandoned = abandoned;
        this.node = node;
        this.organizations = organizations;
        this.ingest = ingest;
        this.geography = geography;
        this.frameworks = frameworks;
        this.demoAccess = demoAccess;
        this.administration = administration;
        this.tables = tables;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        int discarded = abandoned.atStart();
        if (discarded > 0) {
            LOG.warn("{} batch(es) were interrupted by the last stop of node '{}' or by a dead node and are marked FAILED; "
                    + "nothing of them had been published", discarded, node.id());
        }
        clearSpooledUploads();
        DataDirectory.secure(configuration.dataDirectory());
        PlatformConfiguration.Bootstrap bootstrap = configuration.bootstrap();
        if (bootstrap != null && bootstrap.tenant() != null && !bootstrap.tenant().isBlank()) {
            if (bootstrap.admin() == null || bootstrap.admin().isBlank() || bootstrap.password() == null) {
                throw new IllegalStateException("ITA_BOOTSTRAP_TENANT needs ITA_BOOTSTRAP_ADMIN and ITA_BOOTSTRAP_PASSWORD");
            }
            TenantId tenant = TenantId.of(bootstrap.tenant());
            if (!administration.tenantExists(tenant)) {
                administration.createTenant(tenant, bootstrap.tenant(), bootstrap.tenant(), false);
                administration.createUser(tenant, "system", new AccessAdministration.NewUser(bootstrap.admin(), bootstrap.admin(),
                        Role.TENANT_ADMIN, bootstrap.password(), List.of(), null));
                LOG.info("Created tenant '{}' with admin '{}'", tenant, bootstrap.admin());
            }
        }
        // Every tenant's analytics table from its snapshot, in the background: the first overview then finds it in memory.
        tables.warmUp();
        if (configuration.demo().loadOnStart()) {
            TenantId demo = TenantId.of(configuration.demo().tenant());
            loadDemo(demo);
            credentials = demoAccess.ensure(demo, configuration.dataDirectory());
            DataDirectory.secure(configuration.dataDirectory());
            // Load the demo tenant's analytics table now, so the first overview does not wait for it.
            Thread warmUp = new Thread(() -> tables.table(demo), "analytics-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
    }

    /** Removes what this node's uploads left behind, and makes sure its spool directory exists, owner-only. */
    private void clearSpooledUploads() {
        Path uploads = node.spoolDirectory();
        try {
            DataDirectory.ownerOnlyDirectory(uploads);
            try (Stream<Path> files = Files.list(uploads)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot clear spooled uploads in {}: {}", uploads, e.getMessage());
        }
    }

    private void loadDemo(TenantId tenant) {
        if (organizations.count(tenant) > 0) {
            return;
        }
        LOG.info("First start: generating and loading the national demo dataset into tenant '{}' (about half a minute)", tenant);
        Path file = DemoDataset.file(configuration.dataDirectory().resolve("demo"), geography, frameworks);
        long started = System.nanoTime();
        IngestReport report = ingest.ingest(tenant, file, file.getFileName().toString(), IngestOptions.detect(),
                (bytes, total, rows) -> {
                    if (rows % 20_000 == 0 && rows > 0) {
                        LOG.info("  … {} rows ({}%)", rows, total == 0 ? 100 : bytes * 100 / total);
                    }
                });
        LOG.info("Demo data loaded: {} organizations, {} reported and {} derived scores, {} findings in {} s",
                organizations.count(tenant), report.batch().scoresAccepted(), report.batch().scoresDerived(), report.batch().findings(),
                (System.nanoTime() - started) / 1_000_000_000);
    }

    @EventListener
    void onServerStartup(ServerStartupEvent event) {
        // Whoever started the platform reads this: in their locale's language (Thai unless it is English), as the commands write.
        Language language = th.ita.app.cli.CliLanguage.ofEnvironment(System.getenv());
        String url = "http://localhost:" + event.getSource().getPort();
        System.out.println();
        System.out.println(Messages.standard().render("startup.running", language, "url", url));
        if (credentials != null && Files.exists(credentials.file())) {
            String file = credentials.file().toAbsolutePath().toString();
            if (!credentials.created().isEmpty()) {
                // Printed once, on the start that made them; later starts only say where they are.
                System.out.println(Messages.standard().render("startup.demoUsersCreated", language, "url", url));
                System.out.println(Messages.standard().render("startup.keptIn", language, "file", file));
                credentials.created().forEach(System.out::println);
            } else {
                System.out.println(Messages.standard().render("startup.demoUsersKept", language, "url", url, "file", file));
            }
            System.out.println(Messages.standard().render("startup.thenCallApi", language));
            System.out.println("  " + url + "/api/tenants/" + configuration.demo().tenant() + "/organizations?province=57");
        }
        System.out.println();
    }
}
