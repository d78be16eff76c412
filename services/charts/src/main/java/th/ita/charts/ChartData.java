package th.ita.charts;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What each chart shows, as plain data in both languages. Every kind can state itself as alt text and
 * as a table (header and rows) for the accessible, reusable copy beside the image.
 */
public sealed interface ChartData {
    /** The heading ("what") and the subtitle naming the data (year, peer group, source and its date). */
    Caption caption();

    /** The alt text, digits as the options ask. */
    default String altText(ChartOptions options) {
        return Numbers.digits(options, describe(options));
    }

    /** What the chart shows, in a sentence or two, in the options' language. */
    String describe(ChartOptions options);

    List<String> header();

    List<List<Object>> rows();

    /** Title and data description in Thai and English. */
    record Caption(String titleTh, String titleEn, String dataTh, String dataEn) {
        public Caption {
            requireNonNull(titleTh, "titleTh is null");
            requireNonNull(titleEn, "titleEn is null");
            requireNonNull(dataTh, "dataTh is null");
            requireNonNull(dataEn, "dataEn is null");
        }

        String title(ChartOptions options) {
            return options.text(titleTh, titleEn);
        }

        String data(ChartOptions options) {
            return options.text(dataTh, dataEn);
        }
    }

    /** A text in Thai and English (an organization's name may be Thai in both). */
    record Label(String th, String en) {
        public Label {
            requireNonNull(th, "th is null");
            en = en == null || en.isBlank() ? th : en;
        }

        public static Label of(String th, String en) {
            return new Label(th, en);
        }

        String text(ChartOptions options) {
            return options.text(th, en);
        }
    }

    /** A level band of the year's scheme: scores from {@code min} up are at least this level. */
    record Band(String nameTh, String nameEn, double min) {
    }

    /**
     * 1. Every member of a group by score, best first, one highlighted. {@code topBottom} > 0 keeps the top
     * and bottom N and the highlighted one; 0 chooses what fits the height with readable names (the best
     * ones, then the highlighted one with its neighbours); < 0 draws every bar (named only if they fit).
     */
    record Ranking(Caption caption, List<Bar> bars, List<Band> bands, int topBottom) implements ChartData {
        public record Bar(String name, double score, int rank, boolean highlighted) {
        }

        public Ranking {
            requireNonNull(caption, "caption is null");
            bars = List.copyOf(bars);
            bands = List.copyOf(bands);
        }

        /** The bars drawn when {@code capacity} named rows fit: null entries mark a gap between kept runs. */
        public List<Bar> shown(int capacity) {
            if (topBottom < 0 || bars.size() <= Math.max(capacity, 1) && topBottom == 0) {
                return bars;
            }
            boolean[] keep = new boolean[bars.size()];
            int highlighted = -1;
            for (int i = 0; i < bars.size(); i++) {
                if (bars.get(i).highlighted()) {
                    highlighted = i;
                }
            }
            if (topBottom > 0) {
                if (bars.size() <= 2 * topBottom) {
                    return bars;
                }
                for (int i = 0; i < topBottom; i++) {
                    keep[i] = true;
                    keep[bars.size() - 1 - i] = true;
                }
                if (highlighted >= 0) {
                    keep[highlighted] = true;
                }
            } else {
                // The best ones, then the highlighted one with two neighbours each side, within the capacity (a gap takes a row).
                int room = Math.max(capacity, 7);
                int around = highlighted < 0 ? 0 : 5;
                int top = Math.max(1, room - around - (highlighted < 0 ? 0 : 1));
                for (int i = 0; i < Math.min(top, bars.size()); i++) {
                    keep[i] = true;
                }
                if (highlighted >= top) {
                    int from = Math.max(top, highlighted - 2);
                    int to = Math.min(bars.size() - 1, highlighted + 2);
                    for (int i = from; i <= to; i++) {
                        keep[i] = true;
                    }
                } else if (highlighted >= 0) {
                    for (int i = top; i < Math.min(bars.size(), top + around + 1); i++) {
                        keep[i] = true;
                    }
                }
            }
            List<Bar> shown = new ArrayList<>();
            for (int i = 0; i < bars.size(); i++) {
                if (keep[i]) {
                    if (i > 0 && !keep[i - 1] && !shown.isEmpty()) {
                        shown.add(null);
                    }
                    shown.add(bars.get(i));
                }
            }
            return shown;
        }

        @Override
        public String describe(ChartOptions options) {
            Bar highlighted = bars.stream().filter(Bar::highlighted).findFirst().orElse(null);
            String where = highlighted == null ? "" : " " + options.message("chart.alt.rankingHighlight", "name", highlighted.name(),
                    "rank", String.valueOf(highlighted.rank()), "size", String.valueOf(bars.size()), "score", Numbers.score(options, highlighted.score()));
            String range = bars.isEmpty() ? "" : " " + options.message("chart.alt.scoreRange", "lowest", Numbers.score(options, bars.get(bars.size() - 1).score()),
                    "highest", Numbers.score(options, bars.get(0).score()));
            return caption.title(options) + " — " + caption.data(options) + "." + range + where;
        }

        @Override
        public List<String> header() {
            return List.of("rank", "name", "score", "highlighted");
        }

        @Override
        public List<List<Object>> rows() {
            return bars.stream().map(b -> List.<Object>of(b.rank(), b.name(), b.score(), b.highlighted())).toList();
        }
    }

    /**
     * 2. Metrics of an organization over Buddhist Era years, each with the peer median of the same
     * metric, methodology breaks marked. One series is one line; several are drawn as small multiples.
     */
    record Trend(Caption caption, String organization, Label peers, List<Series> series, List<Integer> breaks) implements ChartData {
        /** One metric: the organization's values and the peers' median by year. */
        public record Series(String code, Label name, Map<Integer, Double> values, Map<Integer, Double> peerMedian) {
            public Series {
                requireNonNull(code, "code is null");
                requireNonNull(name, "name is null");
                values = Map.copyOf(values);
                peerMedian = Map.copyOf(peerMedian);
            }
        }

        public Trend {
            requireNonNull(caption, "caption is null");
            requireNonNull(organization, "organization is null");
            requireNonNull(peers, "peers is null");
            series = List.copyOf(series);
            breaks = List.copyOf(breaks);
        }

        @Override
        public String describe(ChartOptions options) {
            List<String> parts = new ArrayList<>();
            for (Series s : series) {
                if (!s.values().isEmpty()) {
                    int first = s.values().keySet().stream().min(Integer::compare).orElseThrow();
                    int last = s.values().keySet().stream().max(Integer::compare).orElseThrow();
                    Double median = s.peerMedian().get(last);
                    String move = s.name().text(options) + " " + Numbers.score(options, s.values().get(first)) + " (" + Numbers.integer(options, first) + ") → "
                            + Numbers.score(options, s.values().get(last)) + " (" + Numbers.integer(options, last) + ")";
                    parts.add(median == null ? move : options.message("chart.alt.withMedian", "text", move, "median", Numbers.score(options, median)));
                }
            }
            String breakText = breaks.isEmpty() ? "" : " " + options.message("chart.alt.methodologyChanged", "years",
                    String.join(", ", breaks.stream().map(y -> Numbers.integer(options, y)).toList()));
            return caption.title(options) + " — " + caption.data(options) + ": " + String.join("; ", parts) + "." + breakText;
        }

        @Override
        public List<String> header() {
            return List.of("metric", "year", "value", "peer_median");
        }

        @Override
        public List<List<Object>> rows() {
            List<List<Object>> rows = new ArrayList<>();
            for (Series s : series) {
                java.util.TreeSet<Integer> years = new java.util.TreeSet<>(s.values().keySet());
                years.addAll(s.peerMedian().keySet());
                for (int year : years) {
                    rows.add(Arrays.asList(s.code(), year, s.values().get(year), Numbers.twoDecimals(s.peerMedian().get(year))));
                }
            }
            return rows;
        }
    }

    /**
     * How peers' scores spread: count, quartiles and median (Excel's QUARTILE.INC and MEDIAN), and the
     * extremes — null where they are not shown (a lowest or highest score is one peer's own score).
     */
    record Spread(int count, Double min, double firstQuartile, double median, double thirdQuartile, Double max) {
    }

    /** 3. The indicators of an organization, each against the spread of its peers' scores. */
    record Profile(Caption caption, String organization, Label peers, List<Indicator> indicators) implements ChartData {
        /** {@code value} null: no score; {@code peers} null: the peers have no score (or too few to show). */
        public record Indicator(String code, Label name, Double value, Spread peers) {
        }

        public Profile {
            requireNonNull(caption, "caption is null");
            requireNonNull(organization, "organization is null");
            requireNonNull(peers, "peers is null");
            indicators = List.copyOf(indicators);
        }

        @Override
        public String describe(ChartOptions options) {
            long below = indicators.stream().filter(i -> i.value() != null && i.peers() != null && i.value() < i.peers().median()).count();
            long compared = indicators.stream().filter(i -> i.value() != null && i.peers() != null).count();
            return caption.title(options) + " — " + caption.data(options) + ". "
                    + options.message("chart.alt.profileBelow", "organization", organization, "group", peers.text(options),
                    "below", Numbers.integer(options, below), "compared", Numbers.integer(options, compared));
        }

        @Override
        public List<String> header() {
            return List.of("indicator", "name_th", "name_en", "value", "peer_count", "peer_min", "peer_first_quartile", "peer_median", "peer_third_quartile", "peer_max");
        }

        @Override
        public List<List<Object>> rows() {
            return indicators.stream().map(i -> i.peers() == null
                    ? Arrays.<Object>asList(i.code(), i.name().th(), i.name().en(), i.value(), 0, null, null, null, null, null)
                    : Arrays.<Object>asList(i.code(), i.name().th(), i.name().en(), i.value(), i.peers().count(), i.peers().min(),
                            Numbers.twoDecimals(i.peers().firstQuartile()), Numbers.twoDecimals(i.peers().median()),
                            Numbers.twoDecimals(i.peers().thirdQuartile()), i.peers().max())).toList();
        }
    }

    /** 4. Box plots of each indicator (or province) in the order given, with the organization's point where it has one. */
    record Distribution(Caption caption, Label metric, String organization, List<Box> boxes) implements ChartData {
        /** {@code point}: the organization's value in this box, or null. */
        public record Box(Label label, List<Double> values, Double point) {
            public Box {
                requireNonNull(label, "label is null");
                values = List.copyOf(values);
            }
        }

        /** @param organization the organization whose points are marked, or null for none */
        public Distribution {
            requireNonNull(caption, "caption is null");
            requireNonNull(metric, "metric is null");
            boxes = List.copyOf(boxes);
        }

        public boolean hasPoints() {
            return organization != null && boxes.stream().anyMatch(b -> b.point() != null);
        }

        @Override
        public String describe(ChartOptions options) {
            String points = hasPoints() ? " " + options.message("chart.alt.points", "organization", organization) : "";
            return caption.title(options) + " — " + caption.data(options) + ". "
                    + options.message("chart.alt.boxes", "metric", metric.text(options), "count", Numbers.integer(options, boxes.size())) + points;
        }

        @Override
        public List<String> header() {
            return List.of("label", "count", "median", "point");
        }

        @Override
        public List<List<Object>> rows() {
            return boxes.stream().map(b -> Arrays.<Object>asList(b.label().th(), b.values().size(),
                    Numbers.twoDecimals(Numbers.median(b.values())), b.point())).toList();
        }
    }

    /** 5. Organizations × indicators, each cell colored by its score on a scale fitted to the data. */
    record Heatmap(Caption caption, List<String> organizations, List<Label> indicators, double[][] values, String highlighted) implements ChartData {
        public Heatmap {
            requireNonNull(caption, "caption is null");
            organizations = List.copyOf(organizations);
            indicators = List.copyOf(indicators);
            if (values.length != organizations.size()) {
                throw new IllegalArgumentException(values.length + " rows of values for " + organizations.size() + " organizations");
            }
            double[][] copy = new double[values.length][];
            for (int o = 0; o < values.length; o++) {
                if (values[o].length != indicators.size()) {
                    throw new IllegalArgumentException("row " + o + " has " + values[o].length + " values for " + indicators.size() + " indicators");
                }
                copy[o] = values[o].clone();
            }
            values = copy;
        }

        /** The lowest and highest score shown, or NaN for none. */
        double[] range() {
            double min = Double.NaN;
            double max = Double.NaN;
            for (double[] row : values) {
                for (double value : row) {
                    if (!Double.isNaN(value)) {
                        min = Double.isNaN(min) ? value : Math.min(min, value);
                        max = Double.isNaN(max) ? value : Math.max(max, value);
                    }
                }
            }
            return new double[] {min, max};
        }

        @Override
        public String describe(ChartOptions options) {
            double[] range = range();
            String scale = Double.isNaN(range[0]) ? "" : " " + options.message("chart.alt.heatmapScale", "lowest", Numbers.score(options, range[0]),
                    "highest", Numbers.score(options, range[1]));
            return caption.title(options) + " — " + caption.data(options) + ". "
                    + options.message("chart.alt.heatmapSize", "organizations", Numbers.integer(options, organizations.size()),
                    "indicators", Numbers.integer(options, indicators.size())) + scale;
        }

        @Override
        public List<String> header() {
            List<String> header = new ArrayList<>();
            header.add("organization");
            indicators.forEach(i -> header.add(i.th()));
            return header;
        }

        @Override
        public List<List<Object>> rows() {
            List<List<Object>> rows = new ArrayList<>();
            for (int o = 0; o < organizations.size(); o++) {
                List<Object> row = new ArrayList<>();
                row.add(organizations.get(o));
                for (int i = 0; i < indicators.size(); i++) {
                    row.add(Double.isNaN(values[o][i]) ? null : values[o][i]);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /**
     * 6. How many organizations are at each level, per group (province or year). Levels are listed best
     * first within their scheme; each group counts the levels of its own scheme (the letter grades AA–F
     * up to 2566, the pass levels from 2567).
     */
    record Levels(Caption caption, List<Level> levels, List<Group> groups) implements ChartData {
        /** A level of a scheme; {@code scheme} names the scheme (e.g. "letter-grades-2561"). */
        public record Level(String scheme, String code, Label name) {
        }

        /** A province or a year, with its scheme and the count of each level code. */
        public record Group(Label label, String scheme, Map<String, Integer> counts) {
            public Group {
                requireNonNull(label, "label is null");
                requireNonNull(scheme, "scheme is null");
                counts = Map.copyOf(counts);
            }

            public int size() {
                return counts.values().stream().mapToInt(Integer::intValue).sum();
            }
        }

        public Levels {
            requireNonNull(caption, "caption is null");
            levels = List.copyOf(levels);
            groups = List.copyOf(groups);
        }

        /** The schemes of the groups, in the order they first appear. */
        public List<String> schemes() {
            return groups.stream().map(Group::scheme).distinct().toList();
        }

        public List<Level> levelsOf(String scheme) {
            return levels.stream().filter(l -> l.scheme().equals(scheme)).toList();
        }

        /** Shares, not counts, when the groups differ in size. */
        public boolean asShares() {
            return groups.stream().mapToInt(Group::size).distinct().count() > 1;
        }

        @Override
        public String describe(ChartOptions options) {
            return caption.title(options) + " — " + caption.data(options) + ". "
                    + (asShares()
                    ? options.message("chart.alt.levelShares", "groups", Numbers.integer(options, groups.size()))
                    : options.message("chart.alt.levelCounts", "groups", Numbers.integer(options, groups.size())));
        }

        @Override
        public List<String> header() {
            return List.of("group", "level", "count", "level_code", "level_en", "scheme");
        }

        @Override
        public List<List<Object>> rows() {
            List<List<Object>> rows = new ArrayList<>();
            for (Group group : groups) {
                for (Level level : levelsOf(group.scheme())) {
                    rows.add(List.of(group.label().th(), level.name().th(), group.counts().getOrDefault(level.code(), 0), level.code(), level.name().en(), level.scheme()));
                }
            }
            return rows;
        }
    }
}
