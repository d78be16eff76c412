package th.ita.analytics.table;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Frameworks;
import th.ita.core.framework.Metric;
import th.ita.core.organization.Organization;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;

/**
 * The current scores of one tenant in memory, column by column: for each year and metric, one value
 * per organization (NaN where it has none). The value is the reported one where there is one, the
 * derived one otherwise. Immutable once built; analytics read it without touching the store.
 */
public final class ScoreTable {
    private final List<Organization> organizations;
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

    private ScoreTable(List<Organization> organizations) {
        this.organizations = List.copyOf(organizations);
        for (int i = 0; i < this.organizations.size(); i++) {
            indexById.put(this.organizations.get(i).id(), i);
        }
    }

    /** The values of one year: by metric slot of that year's framework, then by organization index. */
    private record YearColumns(Framework framework, double[][] values) {
    }

    /** Builds a table from the current facts of every year the frameworks know. */
    public static Builder builder(List<Organization> organizations, Frameworks frameworks) {
        return new Builder(new ScoreTable(organizations), frameworks);
    }

    /** Adds facts year by year, so that the caller can stream them from the store. */
    public static final class Builder {
        private final ScoreTable table;
        private final Frameworks frameworks;
        private final Map<Integer, boolean[][]> reported = new HashMap<>();

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
                boolean[][] isReported = reported.computeIfAbsent(fact.year(),
                        year -> new boolean[framework.get().metrics().size()][table.organizations.size()]);
                int slot = metric.get().slot();
                boolean fromSource = fact.provenance() == Provenance.REPORTED;
                if (fromSource || !isReported[slot][index]) {
                    columns.values()[slot][index] = fact.value();
                    isReported[slot][index] = fromSource;
                }
            }
            return this;
        }

        public ScoreTable build() {
            reported.clear();
            return table;
        }
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
