package th.ita.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.ita.core.framework.Frameworks;
import th.ita.core.geography.Geography;
import th.ita.demo.GenerateNationalDataset;

/**
 * An ingest whose file holds more org-years than the heap can keep while the file is read (they are held until its
 * last line, since a duplicate or a conflict can come on any line) fails its batch with a reason that says so and
 * what to do, instead of dying with an OutOfMemoryError; nothing of the file is stored. The command line runs in a
 * process of its own with a 48 MB heap: the national file (62,728 org-years) needs about 64 MB.
 */
class IngestOutOfMemoryIT {
    @TempDir
    Path data;

    @Test
    void aFileTooLargeForTheHeapFailsItsBatchWithAReasonAndStoresNothing() throws Exception {
        Path national = data.resolve("national.csv");
        try (Writer out = Files.newBufferedWriter(national, StandardCharsets.UTF_8)) {
            new GenerateNationalDataset(Geography.bundled(), Frameworks.bundled()).writeWideCsv(out, 2561, 2568);
        }
        Path store = data.resolve("platform");
        Path log = data.resolve("cli.log");
        Process cli = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "-Dita.data-directory=" + store, "-Dita.demo.load-on-start=false",
                "th.ita.app.Application", "ingest", "--tenant", "memory", "--lang", "en", national.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        assertThat(cli.waitFor(300, TimeUnit.SECONDS)).as("the command ends").isTrue();
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(cli.exitValue()).as(printed).isEqualTo(1);
        // The heap's limit as the JVM counts it (48 MB less a survivor space).
        assertThat(printed).containsPattern("the file holds more organization-years than this process's memory \\(4\\d MB\\) can keep")
                .contains("nothing of it was stored: split the file by year").doesNotContain("OutOfMemoryError");

        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + store.resolve("ita") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             Statement statement = h2.createStatement()) {
            try (ResultSet batch = statement.executeQuery("SELECT status, failure_key FROM ingest_batch WHERE tenant_id = 'memory'")) {
                assertThat(batch.next()).isTrue();
                assertThat(batch.getString(1)).isEqualTo("FAILED");
                assertThat(batch.getString(2)).isEqualTo("file.tooManyOrgYears");
                assertThat(batch.next()).as("one batch").isFalse();
            }
            for (String table : List.of("score_pack", "batch_org_year", "org_year_current", "organization")) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    assertThat(rows.getLong(1)).as(table).isZero();
                }
            }
        }
    }
}
