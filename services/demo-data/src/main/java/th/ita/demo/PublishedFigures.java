package th.ita.demo;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import th.ita.core.geography.District;
import th.ita.core.geography.Geography;
import th.ita.core.geography.Province;
import th.ita.core.organization.OrganizationType;

/**
 * What a real organization published for one year, as its report printed it (metric code → value).
 * The national dataset carries these rows as they are, inconsistencies included, so the platform
 * meets real published data next to generated data.
 */
record PublishedFigures(NationalRoster.FixedOrganization organization, int year, Map<String, Double> values) {
    /** The seed reports shipped with this module, in the long layout of the ingest fixtures. */
    static final List<String> BUNDLED = List.of("demo/seed-002-long.csv", "demo/seed-004-long.csv");

    PublishedFigures {
        requireNonNull(organization, "organization is null");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static List<PublishedFigures> bundled(Geography geography) {
        List<PublishedFigures> figures = new ArrayList<>();
        for (String resource : BUNDLED) {
            figures.addAll(read(geography, resource));
        }
        return List.copyOf(figures);
    }

    private static List<PublishedFigures> read(Geography geography, String resource) {
        Map<String, NationalRoster.FixedOrganization> organizations = new LinkedHashMap<>();
        Map<String, Integer> years = new LinkedHashMap<>();
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        try (InputStream in = PublishedFigures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("published figures missing from the classpath: " + resource);
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord record : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                NationalRoster.FixedOrganization organization = organization(geography, record, resource);
                int year = Integer.parseInt(record.get("year").strip());
                String key = organization + "/" + year;
                organizations.putIfAbsent(key, organization);
                years.putIfAbsent(key, year);
                values.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(record.get("metric").strip(), Double.parseDouble(record.get("value").strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return organizations.keySet().stream().map(key -> new PublishedFigures(organizations.get(key), years.get(key), values.get(key))).toList();
    }

    private static NationalRoster.FixedOrganization organization(Geography geography, CSVRecord record, String resource) {
        Province province = geography.province(record.get("province"))
                .orElseThrow(() -> new IllegalStateException(resource + ": unknown province " + record.get("province")));
        District district = geography.district(province.code(), record.get("district"))
                .orElseThrow(() -> new IllegalStateException(resource + ": unknown district " + record.get("district")));
        OrganizationType type = OrganizationType.parse(record.get("organization_type"))
                .orElseThrow(() -> new IllegalStateException(resource + ": unknown type " + record.get("organization_type")));
        return new NationalRoster.FixedOrganization(province.code(), district.code(), record.get("organization_name").strip(), type);
    }
}
