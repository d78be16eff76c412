package th.ita.app;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.batch.ReclaimAbandonedBatches;
import th.ita.core.framework.FrameworkFiles;
import th.ita.core.framework.Frameworks;
import th.ita.core.geography.Geography;
import th.ita.core.organization.Organizations;
import th.ita.core.score.ScoreFacts;
import th.ita.ingest.IngestScores;

/** Wires the framework-free modules into the application. */
@Factory
class PlatformFactory {
    @Singleton
    Frameworks frameworks(PlatformConfiguration configuration) {
        String directory = configuration.frameworksDirectory();
        return directory == null || directory.isBlank() ? Frameworks.bundled() : FrameworkFiles.withDirectory(Path.of(directory));
    }

    @Singleton
    Geography geography() {
        return Geography.bundled();
    }

    @Singleton
    Node node(NodeSettings settings, PlatformConfiguration configuration) {
        return Node.of(settings.id(), configuration.dataDirectory());
    }

    @Singleton
    IngestScores ingestScores(Organizations organizations, BatchCatalog batches, ScoreFacts facts, th.ita.core.score.CurrentScores current,
                              th.ita.core.score.ScoreHistory history, Frameworks frameworks, Geography geography, Node node) {
        return new IngestScores(organizations, batches, facts, current, history, frameworks, geography, node.id());
    }

    @Singleton
    ReclaimAbandonedBatches reclaimAbandonedBatches(BatchCatalog batches, ScoreFacts facts, Node node, NodeSettings settings) {
        return new ReclaimAbandonedBatches(batches, facts, node.id(), settings.abandonedAfter(), Clock.systemUTC());
    }
}
