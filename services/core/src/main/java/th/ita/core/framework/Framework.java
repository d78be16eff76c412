package th.ita.core.framework;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import th.ita.core.thai.ThaiNumbers;
import th.ita.core.thai.ThaiText;

/**
 * The assessment rules of one fiscal year: tools and weights, indicators, items (where known),
 * the level scheme, and what changed from the year before (a methodology break).
 */
public final class Framework {
    private static final Pattern INDICATOR_NUMBER = Pattern.compile("(ตัวชี้วัดที่|ตัวชี้วัด|indicator|ind)\\s*(\\d{1,2})", Pattern.CASE_INSENSITIVE);
    private static final List<String> TOTAL_NAMES = List.of("total", "คะแนนรวม", "คะแนนภาพรวม", "ita", "ผลคะแนน", "คะแนน ita");

    private final int year;
    private final String toolSetName;
    private final List<Tool> tools;
    private final List<Item> items;
    private final List<ItemGroup> groups;
    private final LevelScheme levelScheme;
    private final List<MethodologyChange> methodologyChanges;
    private final List<Metric> metrics;
    private final Map<String, Metric> metricsByCode = new HashMap<>();
    /** By the code as the framework spells it ("IIT"): the analytics ask millions of times, mostly so. */
    private final Map<String, Metric> metricsBySpelling = new HashMap<>();
    private final Map<String, Metric> metricsByName = new HashMap<>();
    private final Map<String, List<Metric>> children = new HashMap<>();
    private final Map<String, List<Metric>> groupsByIndicator = new HashMap<>();
    private final Map<String, Item> itemsByCode = new HashMap<>();
    /** The collection channel of each metric's item by slot, null for other metrics and items of one channel. */
    private final String[] channelsBySlot;
    private final Map<String, Integer> checklistSizes;

    public Framework(int year, String toolSetName, List<Tool> tools, List<Item> items, LevelScheme levelScheme, List<MethodologyChange> methodologyChanges) {
        this(year, toolSetName, tools, items, levelScheme, methodologyChanges, Map.of());
    }

    /**
     * @param checklistSizes for a year whose items are not listed, how many checklist items an indicator has
     *     (the OIT: 2562–2565 ran o1–o43): an indicator scored per item moves in steps of 100 ÷ that number
     */
    public Framework(int year, String toolSetName, List<Tool> tools, List<Item> items, LevelScheme levelScheme, List<MethodologyChange> methodologyChanges,
                     Map<String, Integer> checklistSizes) {
        this(year, toolSetName, tools, items, List.of(), levelScheme, methodologyChanges, checklistSizes);
    }

    /**
     * @param groups the headings that group items of an indicator (each named by an item's {@code groupTh});
     *     every heading an item names must be listed, with the item's indicator
     */
    public Framework(int year, String toolSetName, List<Tool> tools, List<Item> items, List<ItemGroup> groups, LevelScheme levelScheme,
                     List<MethodologyChange> methodologyChanges, Map<String, Integer> checklistSizes) {
        this.groups = List.copyOf(groups);
        this.checklistSizes = Map.copyOf(checklistSizes);
        this.year = year;
        this.toolSetName = requireNonNull(toolSetName, "toolSetName is null");
        this.tools = List.copyOf(tools);
        this.items = List.copyOf(items);
        this.levelScheme = requireNonNull(levelScheme, "levelScheme is null");
        this.methodologyChanges = List.copyOf(methodologyChanges);
        double weights = tools.stream().mapToDouble(Tool::weight).sum();
        if (Math.abs(weights - 1) > 1e-9) {
            throw new IllegalArgumentException("framework " + year + ": tool weights sum to " + weights + ", not 1");
        }
        List<Metric> all = new ArrayList<>();
        all.add(new Metric(Metric.TOTAL, MetricKind.TOTAL, "คะแนนรวม", "Total", null, null, all.size()));
        for (Tool tool : tools) {
            all.add(new Metric(tool.code(), MetricKind.TOOL, tool.nameTh(), tool.nameEn(), Metric.TOTAL, null, all.size()));
        }
        for (Tool tool : tools) {
            for (Indicator indicator : tool.indicators()) {
                all.add(new Metric(indicator.code(), MetricKind.INDICATOR, indicator.nameTh(), indicator.nameEn(), tool.code(), null, all.size()));
            }
        }
        for (Item item : items) {
            all.add(new Metric(item.code(), MetricKind.ITEM, item.textTh(), item.code(), item.indicatorCode(), item.groupTh(), all.size()));
        }
        // Groups last, so that adding them to a year leaves the slots of its other metrics where they were.
        for (ItemGroup group : groups) {
            all.add(new Metric(group.code(), MetricKind.GROUP, group.nameTh(), group.nameEn(), group.indicatorCode(), null, all.size()));
        }
        this.metrics = List.copyOf(all);
        for (Metric metric : metrics) {
            metricsBySpelling.put(metric.code(), metric);
            if (metricsByCode.put(metric.code().toLowerCase(Locale.ROOT), metric) != null) {
                throw new IllegalArgumentException("framework " + year + ": metric code used twice: " + metric.code());
            }
            // An indicator's children are its items; its groups are listed apart (groupsOf) and hold their items.
            if (metric.parentCode() != null && metric.kind() != MetricKind.GROUP) {
                children.computeIfAbsent(metric.parentCode(), code -> new ArrayList<>()).add(metric);
            }
        }
        for (ItemGroup group : groups) {
            if (!metricsByCode.containsKey(group.indicatorCode().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("framework " + year + ": group " + group.code() + " names unknown indicator " + group.indicatorCode());
            }
            List<Metric> members = metrics.stream()
                    .filter(m -> m.kind() == MetricKind.ITEM && group.nameTh().equals(m.groupTh()) && group.indicatorCode().equals(m.parentCode())).toList();
            if (members.isEmpty()) {
                throw new IllegalArgumentException("framework " + year + ": group " + group.code() + " (" + group.nameTh() + ") has no items");
            }
            children.put(group.code(), new ArrayList<>(members));
            groupsByIndicator.computeIfAbsent(group.indicatorCode(), code -> new ArrayList<>()).add(metric(group.code()).orElseThrow());
            metricsByName.putIfAbsent(ThaiText.matchKey(group.nameTh()), metric(group.code()).orElseThrow());
            metricsByName.putIfAbsent(ThaiText.matchKey(group.nameEn()), metric(group.code()).orElseThrow());
        }
        for (Item item : items) {
            if (item.groupTh() != null && groups.stream().noneMatch(g -> g.nameTh().equals(item.groupTh()) && g.indicatorCode().equals(item.indicatorCode()))) {
                throw new IllegalArgumentException("framework " + year + ": item " + item.code() + " names group " + item.groupTh()
                        + ", which is not among the groups of " + item.indicatorCode());
            }
        }
        // Read-only once built: childrenOf and channelOf are asked for every metric of every org-year an ingest derives.
        children.replaceAll((code, list) -> List.copyOf(list));
        this.channelsBySlot = new String[metrics.size()];
        for (Item item : items) {
            itemsByCode.put(item.code().toLowerCase(Locale.ROOT), item);
            channelsBySlot[metricsByCode.get(item.code().toLowerCase(Locale.ROOT)).slot()] = item.channel();
            if (!metricsByCode.containsKey(item.indicatorCode())) {
                throw new IllegalArgumentException("framework " + year + ": item " + item.code() + " names unknown indicator " + item.indicatorCode());
            }
        }
        for (Tool tool : tools) {
            metricsByName.put(ThaiText.matchKey(tool.nameTh()), metric(tool.code()).orElseThrow());
            metricsByName.put(ThaiText.matchKey(tool.nameEn()), metric(tool.code()).orElseThrow());
            for (Indicator indicator : tool.indicators()) {
                Metric metric = metric(indicator.code()).orElseThrow();
                metricsByName.put(ThaiText.matchKey(indicator.nameTh()), metric);
                metricsByName.put(ThaiText.matchKey(indicator.nameEn()), metric);
                indicator.aliases().forEach(alias -> metricsByName.put(ThaiText.matchKey(alias), metric));
            }
        }
        TOTAL_NAMES.forEach(name -> metricsByName.put(ThaiText.matchKey(name), metrics.get(0)));
    }

    public int year() {
        return year;
    }

    public String toolSetName() {
        return toolSetName;
    }

    public List<Tool> tools() {
        return tools;
    }

    public List<Item> items() {
        return items;
    }

    /** The number of checklist items of an indicator: its listed items, or the year's stated size where none are listed. */
    public java.util.OptionalInt checklistSize(String indicatorCode) {
        Optional<Metric> metric = metric(indicatorCode);
        int listed = metric.map(m -> childrenOf(m).size()).orElse(0);
        if (listed > 0) {
            return java.util.OptionalInt.of(listed);
        }
        Integer stated = checklistSizes.get(indicatorCode);
        return stated == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(stated);
    }

    /** An item of this year by code. */
    public Optional<Item> item(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(itemsByCode.get(code.toLowerCase(Locale.ROOT)));
    }

    /** The collection channel of an item of this year (as {@link Item#channel()}), null for any other metric. */
    public String channelOf(Metric metric) {
        return metric.slot() >= 0 && metric.slot() < channelsBySlot.length && metrics.get(metric.slot()) == metric ? channelsBySlot[metric.slot()]
                : item(metric.code()).map(Item::channel).orElse(null);
    }

    public LevelScheme levelScheme() {
        return levelScheme;
    }

    public List<MethodologyChange> methodologyChanges() {
        return methodologyChanges;
    }

    /** Every metric, total first, then tools, indicators, items and item groups; a metric's slot is its index here. */
    public List<Metric> metrics() {
        return metrics;
    }

    public Optional<Metric> metric(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Metric spelled = metricsBySpelling.get(code);
        return spelled != null ? Optional.of(spelled) : Optional.ofNullable(metricsByCode.get(code.toLowerCase(Locale.ROOT)));
    }

    /** The item groups of this year (the OIT's sub-indicators), in framework order. */
    public List<ItemGroup> groups() {
        return groups;
    }

    /** The group metrics of an indicator, in order; none for an indicator whose items are not grouped. */
    public List<Metric> groupsOf(Metric indicator) {
        return Collections.unmodifiableList(groupsByIndicator.getOrDefault(indicator.code(), List.of()));
    }

    /**
     * The metrics that roll up into a metric: the tools of the total, the indicators of a tool, the items of an
     * indicator, the items of a group.
     */
    public List<Metric> childrenOf(Metric metric) {
        return children.getOrDefault(metric.code(), List.of());
    }

    public List<Indicator> indicators() {
        return tools.stream().flatMap(tool -> tool.indicators().stream()).toList();
    }

    /**
     * A metric from how files name it: its code ("IIT", "ind3", "o12"), its Thai or English name,
     * "ตัวชี้วัดที่ 3" or "indicator 3" (Thai digits too), or "คะแนนรวม"/"total".
     */
    public Optional<Metric> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String plain = ThaiNumbers.toArabicDigits(ThaiText.clean(name));
        Optional<Metric> byCode = metric(plain.replace(" ", ""));
        if (byCode.isPresent()) {
            return byCode;
        }
        Metric byName = metricsByName.get(ThaiText.matchKey(plain));
        if (byName != null) {
            return Optional.of(byName);
        }
        Matcher number = INDICATOR_NUMBER.matcher(plain.replace(" ", ""));
        if (number.matches()) {
            int wanted = Integer.parseInt(number.group(2));
            return indicators().stream().filter(indicator -> indicator.number() == wanted).findFirst()
                    .flatMap(indicator -> metric(indicator.code()));
        }
        return Optional.empty();
    }

    /** A methodology change from the previous year, shown wherever a series crosses it. */
    public record MethodologyChange(String th, String en, boolean toConfirm) {
        public MethodologyChange {
            requireNonNull(th, "th is null");
            requireNonNull(en, "en is null");
        }
    }

    /** Tool weights by tool code, in framework order. */
    public Map<String, Double> weights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        tools.forEach(tool -> weights.put(tool.code(), tool.weight()));
        return weights;
    }
}
