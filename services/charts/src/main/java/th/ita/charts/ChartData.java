package th.ita.charts;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each chart shows, as plain data. Every kind can state itself as alt text and as a table
 * (header and rows) for the accessible, reusable copy beside the image.
 */
public sealed interface ChartData {
    /** The heading ("what") and the subtitle naming the data (year, peer group, source). */
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
    }

    /** A level band of the year's scheme: scores from {@code min} up are at least this level. */
    record Band(String nameTh, String nameEn, double min) {
    }

    /** 1. Every member of a group by score, one highlighted; {@code topBottom} > 0 keeps the top and bottom N and the highlighted one. */
    record Ranking(Caption caption, List<Bar> bars, List<Band> bands, int topBottom) implements ChartData {
        public record Bar(String name, double score, int rank, boolean highlighted) {
        }

        public Ranking {
            bars = List.copyOf(bars);
            bands = List.copyOf(bands);
        }

        /** The bars drawn: all, or the top and bottom N plus the highlighted one. */
        public List<Bar> shown() {
            if (topBottom <= 0 || bars.size() <= 2 * topBottom) {
                return bars;
            }
            List<Bar> shown = new ArrayList<>(bars.subList(0, topBottom));
            for (int i = topBottom; i < bars.size() - topBottom; i++) {
                if (bars.get(i).highlighted()) {
                    shown.add(bars.get(i));
                }
            }
            shown.addAll(bars.subList(bars.size() - topBottom, bars.size()));
            return shown;
        }

        @Override
        public String describe(ChartOptions options) {
            Bar highlighted = bars.stream().filter(Bar::highlighted).findFirst().orElse(null);
            String where = highlighted == null ? "" : options.text(
                    " " + highlighted.name() + " อยู่ลำดับที่ " + highlighted.rank() + " จาก " + bars.size() + " ด้วยคะแนน " + Numbers.score(options, highlighted.score()) + ".",
                    " " + highlighted.name() + " ranks " + highlighted.rank() + " of " + bars.size() + " with " + Numbers.score(options, highlighted.score()) + ".");
            String range = bars.isEmpty() ? "" : options.text(
                    " คะแนนตั้งแต่ " + Numbers.score(options, bars.get(bars.size() - 1).score()) + " ถึง " + Numbers.score(options, bars.get(0).score()) + ".",
                    " Scores run from " + Numbers.score(options, bars.get(bars.size() - 1).score()) + " to " + Numbers.score(options, bars.get(0).score()) + ".");
            return options.text(caption.titleTh(), caption.titleEn()) + " — " + options.text(caption.dataTh(), caption.dataEn()) + "." + range + where;
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

    /** 2. Metrics over Buddhist Era years, with the peer median alongside and methodology breaks marked. */
    record Trend(Caption caption, Map<String, Map<Integer, Double>> series, Map<Integer, Double> peerMedian, List<Integer> breaks) implements ChartData {
        @Override
        public String describe(ChartOptions options) {
            List<String> parts = new ArrayList<>();
            series.forEach((name, points) -> {
                if (!points.isEmpty()) {
                    int first = points.keySet().stream().min(Integer::compare).orElseThrow();
                    int last = points.keySet().stream().max(Integer::compare).orElseThrow();
                    parts.add(name + " " + Numbers.score(options, points.get(first)) + " (" + Numbers.integer(options, first) + ") → "
                            + Numbers.score(options, points.get(last)) + " (" + Numbers.integer(options, last) + ")");
                }
            });
            String breakText = breaks.isEmpty() ? "" : options.text(" เปลี่ยนวิธีประเมินในปี ", " Methodology changed in ")
                    + String.join(", ", breaks.stream().map(y -> Numbers.integer(options, y)).toList()) + ".";
            return options.text(caption.titleTh(), caption.titleEn()) + " — " + options.text(caption.dataTh(), caption.dataEn()) + ": "
                    + String.join("; ", parts) + "." + breakText;
        }

        @Override
        public List<String> header() {
            return List.of("series", "year", "value");
        }

        @Override
        public List<List<Object>> rows() {
            List<List<Object>> rows = new ArrayList<>();
            series.forEach((name, points) -> points.forEach((year, value) -> rows.add(List.of(name, year, value))));
            peerMedian.forEach((year, value) -> rows.add(List.of("peer median", year, value)));
            return rows;
        }
    }

    /** 3. The ten indicators of an organization against the province median. */
    record Profile(Caption caption, String organization, List<Indicator> indicators) implements ChartData {
        public record Indicator(String code, String nameTh, String nameEn, Double value, Double provinceMedian) {
        }

        @Override
        public String describe(ChartOptions options) {
            long below = indicators.stream().filter(i -> i.value() != null && i.provinceMedian() != null && i.value() < i.provinceMedian()).count();
            return options.text(caption.titleTh(), caption.titleEn()) + " — " + options.text(caption.dataTh(), caption.dataEn()) + ". "
                    + options.text(organization + " ต่ำกว่าค่ากลางของจังหวัดใน " + Numbers.integer(options, below) + " จาก " + Numbers.integer(options, indicators.size()) + " ตัวชี้วัด.",
                    organization + " is below the province median in " + below + " of " + indicators.size() + " indicators.");
        }

        @Override
        public List<String> header() {
            return List.of("indicator", "name_th", "value", "province_median");
        }

        @Override
        public List<List<Object>> rows() {
            return indicators.stream().map(i -> java.util.Arrays.<Object>asList(i.code(), i.nameTh(), i.value(), i.provinceMedian())).toList();
        }
    }

    /** 4. Box plots of each indicator (or province) with the organization's point. */
    record Distribution(Caption caption, String organization, List<Box> boxes) implements ChartData {
        public record Box(String label, List<Double> values, Double point) {
        }

        @Override
        public String describe(ChartOptions options) {
            return options.text(caption.titleTh(), caption.titleEn()) + " — " + options.text(caption.dataTh(), caption.dataEn()) + ". "
                    + options.text("กล่องแสดงการกระจายของคะแนน " + Numbers.integer(options, boxes.size()) + " ชุด จุดคือ " + organization + ".",
                    boxes.size() + " boxes of scores; the points are " + organization + ".");
        }

        @Override
        public List<String> header() {
            return List.of("label", "count", "point");
        }

        @Override
        public List<List<Object>> rows() {
            return boxes.stream().map(b -> java.util.Arrays.<Object>asList(b.label(), b.values().size(), b.point())).toList();
        }
    }

    /** 5. Organizations × indicators, each cell colored by score band. */
    record Heatmap(Caption caption, List<String> organizations, List<String> indicators, double[][] values, String highlighted) implements ChartData {
        @Override
        public String describe(ChartOptions options) {
            return options.text(caption.titleTh(), caption.titleEn()) + " — " + options.text(caption.dataTh(), caption.dataEn()) + ". "
                    + options.text(Numbers.integer(options, organizations.size()) + " หน่วยงาน × " + Numbers.integer(options, indicators.size())
                            + " ตัวชี้วัด สีตามช่วงคะแนน: แดงต่ำกว่า ๗๐, ส้มต่ำกว่า ๘๕, เหลืองต่ำกว่า ๙๐, เขียวอ่อนต่ำกว่า ๙๕, เขียวตั้งแต่ ๙๕.",
                    organizations.size() + " organizations × " + indicators.size() + " indicators colored by band: red below 70, orange below 85, "
                            + "yellow below 90, light green below 95, green from 95.");
        }

        @Override
        public List<String> header() {
            List<String> header = new ArrayList<>();
            header.add("organization");
            header.addAll(indicators);
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

    /** 6. How many organizations are at each level, per group (province or year). */
    record Levels(Caption caption, List<String> levels, Map<String, Map<String, Integer>> counts) implements ChartData {
        @Override
        public String describe(ChartOptions options) {
            return options.text(caption.titleTh(), caption.titleEn()) + " — " + options.text(caption.dataTh(), caption.dataEn()) + ". "
                    + options.text("แท่งซ้อนของจำนวนหน่วยงานในแต่ละระดับ " + Numbers.integer(options, counts.size()) + " กลุ่ม.",
                    "Stacked counts of organizations per level for " + counts.size() + " groups.");
        }

        @Override
        public List<String> header() {
            return List.of("group", "level", "count");
        }

        @Override
        public List<List<Object>> rows() {
            List<List<Object>> rows = new ArrayList<>();
            counts.forEach((group, byLevel) -> byLevel.forEach((level, count) -> rows.add(List.of(group, level, count))));
            return rows;
        }
    }
}
