package th.ita.app.ingest;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/** Ingestion over HTTP on the embedded default: an H2 file in a fresh data directory. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2IngestOverHttpIT extends IngestOverHttpContract implements TestPropertyProvider {
    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("ita.data-directory", Files.createTempDirectory("ita-h2-it").toString(), "ita.demo.load-on-start", "false");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
