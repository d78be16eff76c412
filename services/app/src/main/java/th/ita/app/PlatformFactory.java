package th.ita.app;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import th.ita.core.batch.IngestBatches;
import th.ita.core.framework.FrameworkFiles;
import th.ita.core.framework.Frameworks;
import th.ita.core.geography.Geography;
import th.ita.core.organization.Organizations;
import th.ita.core.score.ScoreStore;
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
    IngestScores ingestScores(Organizations organizations, IngestBatches batches, ScoreStore scores, Frameworks frameworks, Geography geography) {
        return new IngestScores(organizations, batches, scores, frameworks, geography);
    }
}
