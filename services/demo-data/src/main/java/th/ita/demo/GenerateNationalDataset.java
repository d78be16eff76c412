package th.ita.demo;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Frameworks;
import th.ita.core.framework.Metric;
import th.ita.core.framework.Tool;
import th.ita.core.geography.District;
import th.ita.core.geography.Geography;
import th.ita.core.organization.OrganizationType;
import th.ita.core.score.Scores;

/**
 * Generates a realistic national dataset: every local administrative organization of the country
 * (about 7,850, laid out on the bundled geography, see {@link NationalRoster}) with ITA scores for a
 * range of fiscal years that are consistent with each year's framework and track the published
 * national figures (see {@link ScoreModel}). The two real organizations of the seed reports carry
 * their published figures for the year they reported, as published.
 *
 * <p>Deterministic: the same geography, frameworks and years give the same bytes on every run and
 * machine. Streaming: organizations are generated and written one at a time.
 *
 * <p>The output is the wide layout the ingest reads: UTF-8 (no BOM), LF line ends, a header row,
 * one row per organization × year, a column per metric code of the years' frameworks (the union, in
 * framework order), empty where a year's framework has no such metric, and the level.
 */
public final class GenerateNationalDataset {
    /** Change it and every score changes; keep it and the file stays the same bytes. */
    static final long SEED = 25_680_930L;
    static final List<String> ORGANIZATION_COLUMNS = List.of("organization_code", "organization_name", "organization_type", "province", "district", "year");
    static final String LEVEL_COLUMN = "level";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private final Geography geography;
    private final Frameworks frameworks;

    public GenerateNationalDataset(Geography geography, Frameworks frameworks) {
        this.geography = requireNonNull(geography, "geography is null");
        this.frameworks = requireNonNull(frameworks, "frameworks is null");
    }

    /**
     * Writes the dataset for fiscal years {@code firstYear}–{@code lastYear} (BE) and returns counts.
     * The writer is flushed, not closed: it belongs to the caller.
     */
    public Summary writeWideCsv(Writer out, int firstYear, int lastYear) throws IOException {
        requireNonNull(out, "out is null");
        if (firstYear > lastYear) {
            throw ItaException.invalidInput("the first year " + firstYear + " is after the last year " + lastYear);
        }
        List<Framework> years = new ArrayList<>();
        for (int year = firstYear; year <= lastYear; year++) {
            years.add(frameworks.require(year));
        }
        Layout layout = new Layout(years);
        List<PublishedFigures> published = PublishedFigures.bundled(geography);
        List<DemoOrganization> organizations = NationalRoster.build(geography, SEED,
                published.stream().map(PublishedFigures::organization).distinct().toList());
        Map<String, Map<Integer, PublishedFigures>> publishedByCode = publishedByCode(organizations, published);
        ScoreModel model = new ScoreModel(years, SEED);

        Map<OrganizationType, Integer> byType = new EnumMap<>(OrganizationType.class);
        long rows = 0;
        long scores = 0;
        BufferedWriter buffered = new BufferedWriter(out, 1 << 16);
        CSVPrinter printer = new CSVPrinter(buffered, FORMAT);
        printer.printRecord(layout.header());
        Map<String, Integer> redraws = publishedRanks(organizations, publishedByCode, model, years);
        for (DemoOrganization organization : organizations) {
            byType.merge(organization.type(), 1, Integer::sum);
            double[][] generated = model.draw(organization.code());
            Integer redraw = redraws.get(organization.code());
            if (redraw != null) {
                generated[years.size() - 1] = model.draw(organization.code() + "#" + redraw)[years.size() - 1];
            }
            Map<Integer, PublishedFigures> reported = publishedByCode.getOrDefault(organization.code(), Map.of());
            for (int y = 0; y < years.size(); y++) {
                Framework framework = years.get(y);
                PublishedFigures figures = reported.get(framework.year());
                double[] values = figures == null ? generated[y] : asPublished(framework, figures);
                Optional<String> level = Optional.empty();
                if (figures == null) {
                    level = Inconsistencies.apply(SEED, organization.code(), framework, values).flatMap(Inconsistencies.Applied::level);
                }
                scores += layout.print(printer, organization, framework, y, values, level);
                rows++;
            }
        }
        printer.flush();
        return new Summary(organizations.size(), rows, scores, byType);
    }

    /**
     * Published ranks the dataset must reproduce: ทต.ม่วงยาย was 50th of the LAOs of เชียงราย in 2568 with 95.41
     * (seed 002), so exactly 49 of them score higher. Where the draws give another number, the 2568 scores of
     * the organizations closest to 95.41 on the wrong side are drawn again (a fixed variant of their own
     * draw, the other years untouched) until the count holds. Deterministic: same seed, same redraws.
     */
    private static Map<String, Integer> publishedRanks(List<DemoOrganization> organizations, Map<String, Map<Integer, PublishedFigures>> publishedByCode,
                                                       ScoreModel model, List<Framework> years) {
        Map<String, Integer> redraws = new HashMap<>();
        int last = years.size() - 1;
        int year = years.get(last).year();
        for (Map.Entry<String, Map<Integer, PublishedFigures>> entry : publishedByCode.entrySet()) {
            PublishedFigures figures = entry.getValue().get(year);
            Integer rank = figures == null ? null : PUBLISHED_RANKS.get(entry.getKey() + "/" + year);
            if (rank == null) {
                continue;
            }
            double anchor = figures.values().get("total");
            String province = entry.getKey().substring(0, 2);
            List<String> codes = new ArrayList<>();
            Map<String, Double> totals = new HashMap<>();
            for (DemoOrganization organization : organizations) {
                if (organization.code().startsWith(province) && !organization.code().equals(entry.getKey())) {
                    codes.add(organization.code());
                    totals.put(organization.code(), statedTotal(model.draw(organization.code())[last], organization.code(), years.get(last)));
                }
            }
            int wanted = rank - 1;
            for (int guard = 0; guard < 1_000; guard++) {
                long above = totals.values().stream().filter(total -> total > anchor).count();
                if (above == wanted) {
                    break;
                }
                boolean tooMany = above > wanted;
                // The organization nearest to the published total on the wrong side is drawn again.
                String nearest = codes.stream().filter(code -> tooMany ? totals.get(code) > anchor : totals.get(code) <= anchor)
                        .min(java.util.Comparator.comparingDouble((String code) -> Math.abs(totals.get(code) - anchor)).thenComparing(code -> code))
                        .orElseThrow();
                int variant = redraws.merge(nearest, 1, Integer::sum);
                totals.put(nearest, statedTotal(model.draw(nearest + "#" + variant)[last], nearest, years.get(last)));
            }
        }
        return redraws;
    }

    /** The total an org-year is written with, its inconsistency (if any) applied. */
    private static double statedTotal(double[] drawn, String code, Framework framework) {
        double[] values = drawn.clone();
        Inconsistencies.apply(SEED, code, framework, values);
        return values[0];
    }

    /** Ranks the seeds publish, by organization code and year, that the dataset reproduces. */
    private static final Map<String, Integer> PUBLISHED_RANKS = Map.of("5713001/2568", 50);

    /** The year's rules on a row of values by slot (a total is required). */
    static th.ita.core.framework.LevelAssessment assess(Framework framework, double[] values) {
        Map<String, Double> tools = new LinkedHashMap<>();
        for (Tool tool : framework.tools()) {
            double score = values[framework.metric(tool.code()).orElseThrow().slot()];
            tools.put(tool.code(), Double.isNaN(score) ? null : score);
        }
        return framework.levelScheme().assess(values[0], tools);
    }

    /** Counts of what was written; {@code scores} counts the non-empty metric cells. */
    public record Summary(int organizations, long rows, long scores, Map<OrganizationType, Integer> organizationsByType) {
        public Summary {
            requireNonNull(organizationsByType, "organizationsByType is null");
            Map<OrganizationType, Integer> copy = new EnumMap<>(OrganizationType.class);
            copy.putAll(organizationsByType);
            organizationsByType = Collections.unmodifiableMap(copy);
        }
    }

    /** Two decimals, as {@code String.format(Locale.ROOT, "%.2f", value)} writes them, without its cost (about 1.3 million cells). */
    static String formatScore(double value) {
        if (!(value >= Scores.MIN && value <= Scores.MAX)) {
            throw new IllegalStateException("score out of 0–100: " + value);
        }
        long hundredths = Math.round(value * 100);
        long fraction = hundredths % 100;
        return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }

    private static Map<String, Map<Integer, PublishedFigures>> publishedByCode(List<DemoOrganization> organizations, List<PublishedFigures> published) {
        Map<String, Map<Integer, PublishedFigures>> byCode = new HashMap<>();
        for (PublishedFigures figures : published) {
            NationalRoster.FixedOrganization wanted = figures.organization();
            DemoOrganization organization = organizations.stream()
                    .filter(candidate -> candidate.type() == wanted.type() && candidate.name().equals(wanted.name())
                            && candidate.province().code().equals(wanted.provinceCode())
                            && candidate.district().map(district -> district.code().equals(wanted.districtCode())).orElse(false))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the roster lacks the published organization " + wanted));
            byCode.computeIfAbsent(organization.code(), code -> new HashMap<>()).put(figures.year(), figures);
        }
        return byCode;
    }

    /**
     * A published row as it was published: every reported figure kept, even where it disagrees with
     * its items (the platform must flag that, not hide it). A tool is filled in only when all its
     * indicators were reported, and the total only when it was not reported but every tool is known,
     * because the report's own arithmetic is exactly that; nothing else is invented.
     */
    private static double[] asPublished(Framework framework, PublishedFigures figures) {
        double[] values = new double[framework.metrics().size()];
        Arrays.fill(values, Double.NaN);
        figures.values().forEach((code, value) -> {
            Metric metric = framework.resolve(code).orElseThrow(() -> new IllegalStateException(
                    "published figure " + code + " of " + figures.organization().name() + " is not a metric of framework " + framework.year()));
            values[metric.slot()] = value;
        });
        double total = 0;
        boolean allTools = true;
        for (Tool tool : framework.tools()) {
            Metric metric = framework.metric(tool.code()).orElseThrow();
            List<Metric> indicators = framework.childrenOf(metric);
            if (Double.isNaN(values[metric.slot()]) && indicators.stream().noneMatch(indicator -> Double.isNaN(values[indicator.slot()]))) {
                double sum = 0;
                for (Metric indicator : indicators) {
                    sum += values[indicator.slot()];
                }
                values[metric.slot()] = Scores.round(sum / indicators.size());
            }
            allTools &= !Double.isNaN(values[metric.slot()]);
            total += tool.weight() * values[metric.slot()];
        }
        if (Double.isNaN(values[0]) && allTools) {
            values[0] = Scores.round(total);
        }
        return values;
    }

    /** The columns of the file and how a year's metric slots map onto them. */
    private static final class Layout {
        private final List<String> header;
        private final int metricColumns;
        private final int[][] columnBySlot;
        private final String[] cells;

        Layout(List<Framework> years) {
            Set<String> codes = new LinkedHashSet<>();
            years.forEach(framework -> framework.metrics().forEach(metric -> codes.add(metric.code())));
            List<String> metricCodes = List.copyOf(codes);
            Map<String, Integer> columnByCode = new LinkedHashMap<>();
            metricCodes.forEach(code -> columnByCode.put(code, columnByCode.size()));
            this.metricColumns = metricCodes.size();
            this.columnBySlot = new int[years.size()][];
            for (int y = 0; y < years.size(); y++) {
                List<Metric> metrics = years.get(y).metrics();
                columnBySlot[y] = metrics.stream().mapToInt(metric -> columnByCode.get(metric.code())).toArray();
            }
            List<String> columns = new ArrayList<>(ORGANIZATION_COLUMNS);
            columns.addAll(metricCodes);
            columns.add(LEVEL_COLUMN);
            this.header = List.copyOf(columns);
            this.cells = new String[metricColumns];
        }

        List<String> header() {
            return header;
        }

        /** Prints one row and returns how many scores it holds. */
        int print(CSVPrinter printer, DemoOrganization organization, Framework framework, int yearIndex, double[] values, Optional<String> level)
                throws IOException {
            Arrays.fill(cells, "");
            int scores = 0;
            for (int slot = 0; slot < values.length; slot++) {
                if (!Double.isNaN(values[slot])) {
                    cells[columnBySlot[yearIndex][slot]] = formatScore(values[slot]);
                    scores++;
                }
            }
            printer.print(organization.code());
            printer.print(organization.name());
            printer.print(organization.type().abbreviationTh());
            printer.print(organization.province().nameTh());
            printer.print(organization.district().map(District::nameTh).orElse(""));
            printer.print(framework.year());
            for (String cell : cells) {
                printer.print(cell);
            }
            printer.print(level.orElseGet(() -> level(framework, values)));
            printer.println();
            return scores;
        }

        private static String level(Framework framework, double[] values) {
            return Double.isNaN(values[0]) ? "" : assess(framework, values).level().nameTh();
        }
    }
}
