package th.ita.demo;

import java.util.List;
import java.util.Optional;
import th.ita.core.framework.Framework;
import th.ita.core.framework.LevelRule;
import th.ita.core.framework.Metric;
import th.ita.core.framework.Tool;
import th.ita.core.score.Scores;

/**
 * The kinds of inconsistency real published figures have, put into the demo at plausible rates, so the
 * platform's findings meet the cases it exists for (see README, "Inconsistencies"). Which org-years get
 * one depends only on the seed, the organization's code and the year: the same dataset every run.
 * Rates are assumptions: two of the three real reports behind ITA.md carry at least one inconsistency,
 * but those are self-published analyses; figures typed from NACC's lists are far cleaner.
 */
final class Inconsistencies {
    /** A total stated above what its tools give, with the level of that total (ทต.กระสัง: 95 and AA on tools of 88.87, A). */
    static final double TOTAL_RATE = 0.004;
    /** 2568 (items listed): indicator 10 reported from a mis-added group subtotal (seed 002: group 80.00, items 87.50). */
    static final double GROUP_RATE = 0.006;
    /** A level written one step better than the year's rules give for the figures (a level copied from another year). */
    static final double LEVEL_RATE = 0.003;

    enum Kind { TOTAL_STATED_ABOVE_ITS_TOOLS, INDICATOR_FROM_A_MISADDED_GROUP, LEVEL_ONE_STEP_BETTER }

    /** What was changed in an org-year; {@code level} is the level to print, when the rules would print another. */
    record Applied(Kind kind, Optional<String> level) {
    }

    private Inconsistencies() {
    }

    /** The inconsistency an org-year gets, if any. */
    static Optional<Kind> kindOf(long seed, String organizationCode, Framework framework) {
        double draw = new Draws(seed, "inconsistency/" + organizationCode + "/" + framework.year()).uniform();
        if (draw < TOTAL_RATE) {
            return Optional.of(Kind.TOTAL_STATED_ABOVE_ITS_TOOLS);
        }
        if (draw < TOTAL_RATE + LEVEL_RATE) {
            return Optional.of(Kind.LEVEL_ONE_STEP_BETTER);
        }
        boolean groups = framework.metric("o25").isPresent();
        if (groups && draw < TOTAL_RATE + LEVEL_RATE + GROUP_RATE) {
            return Optional.of(Kind.INDICATOR_FROM_A_MISADDED_GROUP);
        }
        return Optional.empty();
    }

    /** Changes a consistent generated org-year (values by slot) as its kind says; values of other org-years are untouched. */
    static Optional<Applied> apply(long seed, String organizationCode, Framework framework, double[] values) {
        Optional<Kind> kind = kindOf(seed, organizationCode, framework);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        Draws draws = new Draws(seed, "inconsistency-size/" + organizationCode + "/" + framework.year());
        switch (kind.get()) {
            case TOTAL_STATED_ABOVE_ITS_TOOLS -> {
                double stated = Math.min(100, Math.round(values[0] + 2 + 5 * draws.uniform()));
                if (stated - values[0] < 1) {
                    stated = Math.max(0, values[0] - 3);
                }
                values[0] = Scores.round(stated);
                return Optional.of(new Applied(kind.get(), Optional.empty()));
            }
            case LEVEL_ONE_STEP_BETTER -> {
                List<LevelRule> levels = framework.levelScheme().levels();
                int index = levels.indexOf(GenerateNationalDataset.assess(framework, values).level());
                if (index == 0) {
                    return Optional.empty();
                }
                return Optional.of(new Applied(kind.get(), Optional.of(levels.get(index - 1).nameTh())));
            }
            case INDICATOR_FROM_A_MISADDED_GROUP -> {
                // One item of the last group counted at half: the group and indicator 10 fall by 100/4/2/2 = 6.25 points.
                int ind10 = framework.metric("ind10").orElseThrow().slot();
                if (values[ind10] < 6.25) {
                    return Optional.empty();
                }
                values[ind10] = Scores.round(values[ind10] - 6.25);
                // The tool and total follow the reported indicator, as seed 002's do.
                Tool oit = framework.tools().stream().filter(tool -> tool.code().equals("OIT")).findFirst().orElseThrow();
                Metric oitMetric = framework.metric("OIT").orElseThrow();
                double sum = 0;
                for (Metric indicator : framework.childrenOf(oitMetric)) {
                    sum += values[indicator.slot()];
                }
                values[oitMetric.slot()] = Scores.round(sum / oit.indicators().size());
                double total = 0;
                for (Tool tool : framework.tools()) {
                    total += tool.weight() * values[framework.metric(tool.code()).orElseThrow().slot()];
                }
                values[0] = Scores.round(total);
                return Optional.of(new Applied(kind.get(), Optional.empty()));
            }
            default -> throw new IllegalStateException(kind.get().name());
        }
    }
}
