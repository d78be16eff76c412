package th.ita.analytics.table;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Frameworks;
import th.ita.core.framework.LevelAssessment;
import th.ita.core.framework.LevelRule;
import th.ita.core.framework.Metric;
import th.ita.core.organization.Organization;
import th.ita.core.score.CurrentScores;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;
import th.ita.core.tenant.TenantId;

/**
 * The current scores of one tenant in memory, column by column: for each year and metric, one value
 * per organization (NaN where it has none). Which value, when a source reported one and the platform
 * derived another from the level below, is the table's {@link Basis}: REPORTED (the default: the
 * published figure, as NACC ranks) or DERIVED (the figure the level below gives). The other value is
 * kept where it differs ({@link #otherValue}), and so are the published level and rank. Immutable once
 * built; analytics read it without touching the store.
 */
public final class ScoreTable {
    /** Which figure ranks, summaries and levels use where a reported and a derived one differ. */
    public enum Basis {
        /** The figure the source published (the default): ranks and summaries as NACC publishes them. */
        REPORTED,
        /** The figure derived from the level below (tools from indicators, total from tools). */
        DERIVED;

        public static Basis parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("basis must be reported or derived, not '" + text + "'", e);
            }
        }
    }

    private final List<Organization> organizations;
    private final Basis basis;
    private final Map<Long, Double> otherValues = new HashMap<>();
    private final Map<Integer, double[]> reportedLevels = new HashMap<>();
    private final Map<Integer, double[]> reportedRanks = new HashMap<>();
    private final Map<Long, Integer> indexById = new HashMap<>();
    private final TreeMap<Integer, YearColumns> years = new TreeMap<>();
    /** At most this many memoized results per table; the least recently used go first. */
    static final int MEMO_LIMIT = 4_096;
    /**
     * Results derived from the table alone (group members, group rankings, medians), computed once per
     * table and bounded: custom groups make the keys open-ended.
     */
    private final Map<String, Object> memo = new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > MEMO_LIMIT;
        }
    };

    private ScoreTable(List<Organization> organizations, Basis basis) {
        this.organizations = List.copyOf(organizations);
        this.basis = requireNonNull(basis, "basis is null");
        for (int i = 0; i < this.organizations.size(); i++) {
            indexById.put(this.organizations.get(i).id(), i);
        }
    }

    /** The values of one year: by metric slot of that year's framework, then by organization index. */
    private record YearColumns(Framework framework, double[][] values) {
    }

    /** Builds a table from the current facts of every year the frameworks know. */
    public static Builder builder(List<Organization> organizations, Frameworks frameworks) {
        return builder(organizations, frameworks, Basis.REPORTED);
    }

    public static Builder builder(List<Organization> organizations, Frameworks frameworks, Basis basis) {
        return new Builder(new ScoreTable(organizations, basis), frameworks);
    }

    /** Adds facts year by year, so that the caller can stream them from the store. */
    public static final class Builder {
        private final ScoreTable table;
        private final Frameworks frameworks;
        private final Map<Integer, boolean[][]> preferred = new HashMap<>();

        private Builder(ScoreTable table, Frameworks frameworks) {
            this.table = table;
            this.frameworks = requireNonNull(frameworks, "frameworks is null");
        }

        public Builder add(Collection<ScoreFact> facts) {
            for (ScoreFact fact : facts) {
                Integer index = table.indexById.get(fact.organizationId());
                Optional<Framework> framework = frameworks.forYear(fact.year());
                if (index == null || framework.isEmpty()) {
                    continue;
                }
                if (fact.metric().equals(Metric.REPORTED_LEVEL) || fact.metric().equals(Metric.REPORTED_RANK)) {
                    Map<Integer, double[]> published = fact.metric().equals(Metric.REPORTED_LEVEL) ? table.reportedLevels : table.reportedRanks;
                    published.computeIfAbsent(fact.year(), year -> {
                        double[] column = new double[table.organizations.size()];
                        Arrays.fill(column, Double.NaN);
                        return column;
                    })[index] = fact.value();
                    continue;
                }
                Optional<Metric> metric = framework.get().metric(fact.metric());
                if (metric.isEmpty()) {
                    continue;
                }
                YearColumns columns = table.years.computeIfAbsent(fact.year(), year -> {
                    double[][] values = new double[framework.get().metrics().size()][table.organizations.size()];
                    for (double[] column : values) {
                        Arrays.fill(column, Double.NaN);
                    }
                    return new YearColumns(framework.get(), values);
                });
                boolean[][] isPreferred = preferred.computeIfAbsent(fact.year(),
                        year -> new boolean[framework.get().metrics().size()][table.organizations.size()]);
                int slot = metric.get().slot();
                boolean wanted = (fact.provenance() == Provenance.REPORTED) == (table.basis == Basis.REPORTED);
                double known = columns.values()[slot][index];
                if (wanted || !isPreferred[slot][index]) {
                    if (wanted && !Double.isNaN(known) && known != fact.value()) {
                        table.otherValues.put(key(fact.year(), slot, index), known);
                    }
                    columns.values()[slot][index] = fact.value();
                    isPreferred[slot][index] = wanted;
                } else if (known != fact.value()) {
                    table.otherValues.put(key(fact.year(), slot, index), fact.value());
                }
            }
            return this;
        }

        /** Adds every current fact of the tenant, year by year, as the store streams them. */
        public Builder addCurrent(CurrentScores scores, TenantId tenant) {
            for (int year : frameworks.years()) {
                scores.eachOfYear(tenant, year, this::add);
            }
            return this;
        }

        public ScoreTable build() {
            preferred.clear();
            return table;
        }
    }

    static long key(int year, int slot, int organization) {
        return ((long) year << 40) | ((long) slot << 24) | organization;
    }

    static int yearOf(long key) {
        return (int) (key >>> 40);
    }

    static int slotOf(long key) {
        return (int) ((key >>> 24) & 0xFFFF);
    }

    static int organizationOf(long key) {
        return (int) (key & 0xFFFFFF);
    }

    /** A table of values read back from a {@link ScoreTableSnapshot}: the same state a builder left. */
    static ScoreTable restore(List<Organization> organizations, Basis basis, Map<Integer, Framework> frameworks, Map<Integer, double[][]> values,
                              Map<Integer, double[]> levels, Map<Integer, double[]> ranks, Map<Long, Double> others) {
        ScoreTable table = new ScoreTable(organizations, basis);
        values.forEach((year, columns) -> table.years.put(year, new YearColumns(requireNonNull(frameworks.get(year), "framework of " + year), columns)));
        table.reportedLevels.putAll(levels);
        table.reportedRanks.putAll(ranks);
        table.otherValues.putAll(others);
        return table;
    }

    /** The values of a year by slot, then organization (shared: for the snapshot writer only). */
    double[][] yearValues(int year) {
        return years.get(year).values();
    }

    Map<Integer, double[]> reportedLevelColumns() {
        return reportedLevels;
    }

    Map<Integer, double[]> reportedRankColumns() {
        return reportedRanks;
    }

    Map<Long, Double> otherValueMap() {
        return otherValues;
    }

    public Basis basis() {
        return basis;
    }

    /** The value of the other basis where it differs from {@link #value} (a reported figure its level below contradicts), or NaN. */
    public double otherValue(int year, String metric, int organization) {
        YearColumns columns = years.get(year);
        if (columns == null) {
            return Double.NaN;
        }
        return columns.framework().metric(metric).map(m -> otherValues.get(key(year, m.slot(), organization))).orElse(Double.NaN);
    }

    /** The level a source published for an org-year, if any. */
    public Optional<LevelRule> reportedLevel(int year, int organization) {
        double[] column = reportedLevels.get(year);
        if (column == null || Double.isNaN(column[organization])) {
            return Optional.empty();
        }
        return framework(year).flatMap(f -> f.levelScheme().atPosition((int) Math.round(column[organization])));
    }

    /** The rank a source published for an org-year ("ลำดับที่ 50 …"), if any. */
    public OptionalInt reportedRank(int year, int organization) {
        double[] column = reportedRanks.get(year);
        return column == null || Double.isNaN(column[organization]) ? OptionalInt.empty() : OptionalInt.of((int) Math.round(column[organization]));
    }

    /**
     * The level of an org-year on the table's basis: on REPORTED, the published level where a source gave
     * one (a row of total and level alone keeps its level: missing tools never downgrade it); otherwise the
     * year's rules on the total and tools. Empty without a total.
     */
    public Optional<LevelAssessment> level(int year, int organization) {
        Framework framework = framework(year).orElse(null);
        if (framework == null) {
            return Optional.empty();
        }
        Optional<LevelRule> published = basis == Basis.REPORTED ? reportedLevel(year, organization) : Optional.empty();
        if (published.isPresent()) {
            LevelRule level = published.get();
            return Optional.of(new LevelAssessment(level, Optional.empty(), level.nameTh() + ": ระดับตามที่ประกาศ", level.nameEn() + ": as published"));
        }
        return assess(framework, year, organization, false);
    }

    /**
     * The rules on the figures derived from the level below wherever they differ from the table's values;
     * empty where the rules cannot judge (a scheme with tool conditions and a tool missing).
     */
    public Optional<LevelAssessment> derivedLevel(int year, int organization) {
        Framework framework = framework(year).orElse(null);
        if (framework == null) {
            return Optional.empty();
        }
        boolean other = basis == Basis.REPORTED;
        boolean toolConditions = framework.levelScheme().levels().stream().anyMatch(rule -> rule.minEachTool().isPresent());
        if (toolConditions && framework.tools().stream().anyMatch(tool -> Double.isNaN(figure(year, tool.code(), organization, other)))) {
            return Optional.empty();
        }
        return assess(framework, year, organization, other);
    }

    private Optional<LevelAssessment> assess(Framework framework, int year, int organization, boolean other) {
        double total = figure(year, Metric.TOTAL, organization, other);
        if (Double.isNaN(total)) {
            return Optional.empty();
        }
        Map<String, Double> tools = new java.util.LinkedHashMap<>();
        for (th.ita.core.framework.Tool tool : framework.tools()) {
            double score = figure(year, tool.code(), organization, other);
            tools.put(tool.code(), Double.isNaN(score) ? null : score);
        }
        return Optional.of(framework.levelScheme().assess(total, tools));
    }

    private double figure(int year, String metric, int organization, boolean other) {
        double alternative = other ? otherValue(year, metric, organization) : Double.NaN;
        return Double.isNaN(alternative) ? value(year, metric, organization) : alternative;
    }

    public List<Organization> organizations() {
        return organizations;
    }

    public Optional<Integer> indexOf(long organizationId) {
        return Optional.ofNullable(indexById.get(organizationId));
    }

    public Organization organization(int index) {
        return organizations.get(index);
    }

    /**
     * A result that depends only on this table, computed once: the table is immutable, so a key that
     * names everything the result depends on can be reused by every request until the next table.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(String key, java.util.function.Supplier<T> compute) {
        Object known;
        synchronized (memo) {
            known = memo.get(key);
        }
        if (known == null) {
            // Computed outside the lock: two requests may both compute a result, the first one stored wins.
            known = compute.get();
            synchronized (memo) {
                Object raced = memo.putIfAbsent(key, known);
                if (raced != null) {
                    known = raced;
                }
            }
        }
        return (T) known;
    }

    /** How many results are memoized now (never more than {@link #MEMO_LIMIT}). */
    public int memoized() {
        synchronized (memo) {
            return memo.size();
        }
    }

    /** Years with at least one score, oldest first. */
    public List<Integer> years() {
        return new ArrayList<>(years.keySet());
    }

    public Optional<Framework> framework(int year) {
        return Optional.ofNullable(years.get(year)).map(YearColumns::framework);
    }

    /** The value of an organization in a year, or NaN. */
    public double value(int year, String metric, int organization) {
        YearColumns columns = years.get(year);
        if (columns == null) {
            return Double.NaN;
        }
        return columns.framework().metric(metric).map(m -> columns.values()[m.slot()][organization]).orElse(Double.NaN);
    }

    /** Every organization's value in a year (shared array: do not modify), or empty when the year or metric is unknown. */
    public Optional<double[]> column(int year, String metric) {
        YearColumns columns = years.get(year);
        if (columns == null) {
            return Optional.empty();
        }
        return columns.framework().metric(metric).map(m -> columns.values()[m.slot()]);
    }
}
