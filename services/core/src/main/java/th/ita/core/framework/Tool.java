package th.ita.core.framework;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A tool (เครื่องมือ): IIT, EIT or OIT. Its score is the mean of its indicators; weight is its share of the total. */
public record Tool(String code, String nameTh, String nameEn, double weight, List<Indicator> indicators) {
    public Tool {
        requireNonNull(code, "code is null");
        requireNonNull(nameTh, "nameTh is null");
        requireNonNull(nameEn, "nameEn is null");
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("tool " + code + ": weight must be in (0, 1]: " + weight);
        }
        indicators = List.copyOf(indicators);
        if (indicators.isEmpty()) {
            throw new IllegalArgumentException("tool " + code + " has no indicators");
        }
    }
}
