package th.ita.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.framework.Frameworks;
import th.ita.core.geography.Geography;
import th.ita.core.organization.Organization;
import th.ita.core.tenant.TenantId;
import th.ita.core.testing.InMemoryStore;
import th.ita.ingest.IngestOptions;
import th.ita.ingest.IngestProgress;
import th.ita.ingest.IngestScores;

/**
 * The two published reports, loaded as the platform loads any file: the seed CSVs through the ingest
 * into an in-memory store, then the tenant's score table. {@link #published} gives each report's own
 * figures, straight from the CSV, to compare the drafts with.
 */
public final class SeedReports {
    public static final TenantId TENANT = TenantId.of("seeds");
    public static final String SEED_002 = "seed-002-long.csv";
    public static final String SEED_004 = "seed-004-long.csv";

    private final InMemoryStore store = new InMemoryStore();
    private final ScoreTable table;

    /** The seed's published level and rank, as seed 002 prints them: ผ่านดี, ลำดับที่ ๕๐ (a second file, as a clerk would load them). */
    public static final String SEED_002_PUBLISHED = "seed-002-published.csv";

    public SeedReports(Path directory) {
        this(directory, List.of(SEED_002, SEED_004));
    }

    /** The seeds named, loaded in order, each as its own batch. */
    public SeedReports(Path directory, List<String> seeds) {
        IngestScores ingest = new IngestScores(store, store, store, store, store, Frameworks.bundled(), Geography.bundled(), "reports-test");
        for (String seed : seeds) {
            Path file = directory.resolve(seed);
            if (!Files.exists(file)) {
                // A seed of the resources; a file a test wrote into the directory is loaded as it is.
                try (InputStream in = SeedReports.class.getResourceAsStream("/seeds/" + seed)) {
                    Files.copy(in, file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            ingest.ingest(TENANT, file, seed, IngestOptions.detect(), IngestProgress.NONE);
        }
        ScoreTable.Builder builder = ScoreTable.builder(store.all(TENANT), Frameworks.bundled());
        for (int year : Frameworks.bundled().years()) {
            builder.add(store.ofYear(TENANT, year, List.of()));
        }
        table = builder.build();
    }

    public ScoreTable table() {
        return table;
    }

    /** The index in the table of the organization with this bare name ("ม่วงยาย"). */
    public int index(String name) {
        List<Organization> organizations = table.organizations();
        for (int i = 0; i < organizations.size(); i++) {
            if (organizations.get(i).nameTh().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + " was not loaded");
    }

    /** The figures a seed report printed: metric code → value. */
    public static Map<String, Double> published(String seed) {
        Map<String, Double> values = new LinkedHashMap<>();
        try (InputStream in = SeedReports.class.getResourceAsStream("/seeds/" + seed)) {
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord record : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                // Figures by metric code; the seed names the OIT groups as the report prints them.
                String metric = Frameworks.bundled().require(Integer.parseInt(record.get("year"))).resolve(record.get("metric")).orElseThrow().code();
                values.put(metric, Double.parseDouble(record.get("value")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }
}
