package th.ita.app;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

/** The first start on the embedded default (H2) loads the national demo dataset and serves it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDatasetIT extends DemoDatasetContract {
}
