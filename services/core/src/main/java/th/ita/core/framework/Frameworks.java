package th.ita.core.framework;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import th.ita.core.error.ItaException;
import th.ita.core.message.Message;

/** The frameworks of every year the platform knows, by fiscal year (BE). Immutable. */
public final class Frameworks {
    private final TreeMap<Integer, Framework> byYear;

    public Frameworks(Collection<Framework> frameworks) {
        TreeMap<Integer, Framework> map = new TreeMap<>();
        for (Framework framework : frameworks) {
            if (map.put(framework.year(), framework) != null) {
                throw new IllegalArgumentException("two frameworks for year " + framework.year());
            }
        }
        this.byYear = map;
    }

    /** The frameworks bundled with the platform ({@code frameworks/index.txt}). */
    public static Frameworks bundled() {
        return FrameworkFiles.bundled();
    }

    public Optional<Framework> forYear(int year) {
        return Optional.ofNullable(byYear.get(year));
    }

    /** The framework of a year, or a NOT_FOUND error naming the years that exist. */
    public Framework require(int year) {
        Framework framework = byYear.get(year);
        if (framework == null) {
            throw ItaException.notFound(Message.of("problem.noFramework", "year", year, "years", List.copyOf(byYear.keySet())));
        }
        return framework;
    }

    public List<Integer> years() {
        return List.copyOf(byYear.keySet());
    }

    public List<Framework> all() {
        return List.copyOf(byYear.values());
    }

    /** Frameworks with those of {@code overrides} replacing the same years. */
    public Frameworks overriddenBy(Frameworks overrides) {
        requireNonNull(overrides, "overrides is null");
        Map<Integer, Framework> merged = new TreeMap<>(byYear);
        merged.putAll(overrides.byYear);
        return new Frameworks(merged.values());
    }
}
