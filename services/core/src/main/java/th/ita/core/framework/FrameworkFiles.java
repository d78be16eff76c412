package th.ita.core.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads frameworks from YAML: {@code tool-sets.yaml}, {@code level-schemes.yaml} and one
 * {@code ita-<year>.yaml} per year (see {@code frameworks/README.md} for the format).
 */
public final class FrameworkFiles {
    private static final String BUNDLED_FOLDER = "frameworks/";

    private FrameworkFiles() {
    }

    static Frameworks bundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        private static final Frameworks BUNDLED = loadBundled();
    }

    private static Frameworks loadBundled() {
        Map<String, Object> toolSets = yaml(resource("tool-sets.yaml"), "tool-sets.yaml");
        Map<String, Object> levelSchemes = yaml(resource("level-schemes.yaml"), "level-schemes.yaml");
        List<Framework> frameworks = new ArrayList<>();
        for (String line : resource("index.txt").split("\n")) {
            String file = line.strip();
            if (!file.isEmpty() && !file.startsWith("#")) {
                frameworks.add(framework(file, yaml(resource(file), file), toolSets, levelSchemes));
            }
        }
        return new Frameworks(frameworks);
    }

    /**
     * Frameworks from a directory of year files, over the bundled ones: a directory's
     * tool-sets.yaml and level-schemes.yaml add to (and replace by name) the bundled definitions.
     */
    public static Frameworks withDirectory(Path directory) {
        Map<String, Object> toolSets = new HashMap<>(yaml(resource("tool-sets.yaml"), "tool-sets.yaml"));
        Map<String, Object> levelSchemes = new HashMap<>(yaml(resource("level-schemes.yaml"), "level-schemes.yaml"));
        try {
            if (Files.exists(directory.resolve("tool-sets.yaml"))) {
                toolSets.putAll(yaml(Files.readString(directory.resolve("tool-sets.yaml")), directory.resolve("tool-sets.yaml").toString()));
            }
            if (Files.exists(directory.resolve("level-schemes.yaml"))) {
                levelSchemes.putAll(yaml(Files.readString(directory.resolve("level-schemes.yaml")), directory.resolve("level-schemes.yaml").toString()));
            }
            List<Framework> frameworks = new ArrayList<>();
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(path -> path.getFileName().toString().matches("ita-\\d{4}\\.ya?ml")).sorted().toList()) {
                    frameworks.add(framework(file.toString(), yaml(Files.readString(file), file.toString()), toolSets, levelSchemes));
                }
            }
            return Frameworks.bundled().overriddenBy(new Frameworks(frameworks));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read frameworks from " + directory, e);
        }
    }

    private static Framework framework(String file, Map<String, Object> year, Map<String, Object> toolSets, Map<String, Object> levelSchemes) {
        try {
            int number = ((Number) required(year, "year", file)).intValue();
            String toolSetName = (String) required(year, "tool_set", file);
            String schemeName = (String) required(year, "level_scheme", file);
            Object toolSet = toolSets.get(toolSetName);
            if (toolSet == null) {
                throw new IllegalArgumentException("unknown tool_set " + toolSetName);
            }
            Object scheme = levelSchemes.get(schemeName);
            if (scheme == null) {
                throw new IllegalArgumentException("unknown level_scheme " + schemeName);
            }
            return new Framework(number, toolSetName, tools(list(toolSet)), items(list(year.getOrDefault("items", List.of()))),
                    groups(list(year.getOrDefault("groups", List.of()))), levelScheme(schemeName, map(scheme)), changes(list(year.getOrDefault("methodology_changes", List.of()))),
                    checklistSizes(year.get("checklist_sizes")));
        } catch (RuntimeException e) {
            throw new IllegalStateException("invalid framework file " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Tool> tools(List<Object> entries) {
        List<Tool> tools = new ArrayList<>();
        for (Object entry : entries) {
            Map<String, Object> tool = map(entry);
            String code = text(tool, "code");
            List<Indicator> indicators = new ArrayList<>();
            for (Object indicatorEntry : list(tool.get("indicators"))) {
                Map<String, Object> indicator = map(indicatorEntry);
                List<String> aliases = list(indicator.getOrDefault("aliases", List.of())).stream().map(String::valueOf).toList();
                indicators.add(new Indicator(text(indicator, "code"), ((Number) indicator.get("number")).intValue(),
                        text(indicator, "name_th"), text(indicator, "name_en"), code, aliases,
                        (String) indicator.get("guidance_th"), (String) indicator.get("guidance_en"), (String) indicator.get("defect_th"),
                        (String) indicator.get("keep_level_th"), (String) indicator.get("measure_th"), (String) indicator.get("steps_th")));
            }
            tools.add(new Tool(code, text(tool, "name_th"), text(tool, "name_en"), ((Number) tool.get("weight")).doubleValue(), indicators));
        }
        return tools;
    }

    private static List<Item> items(List<Object> entries) {
        List<Item> items = new ArrayList<>();
        for (Object entry : entries) {
            Map<String, Object> item = map(entry);
            items.add(new Item(text(item, "code"), text(item, "indicator"), (String) item.get("group_th"), (String) item.get("text_th"),
                    (String) item.get("channel")));
        }
        return items;
    }

    private static List<ItemGroup> groups(List<Object> entries) {
        List<ItemGroup> groups = new ArrayList<>();
        for (Object entry : entries) {
            Map<String, Object> group = map(entry);
            groups.add(new ItemGroup(text(group, "code"), text(group, "indicator"), text(group, "name_th"), text(group, "name_en")));
        }
        return groups;
    }

    private static Map<String, Integer> checklistSizes(Object entry) {
        Map<String, Integer> sizes = new HashMap<>();
        if (entry != null) {
            map(entry).forEach((indicator, size) -> {
                if (!(size instanceof Number number) || number.intValue() < 1) {
                    throw new IllegalArgumentException("checklist_sizes." + indicator + " must be a whole number ≥ 1, not " + size);
                }
                sizes.put(indicator, number.intValue());
            });
        }
        return sizes;
    }

    private static LevelScheme levelScheme(String name, Map<String, Object> scheme) {
        List<LevelRule> levels = new ArrayList<>();
        for (Object entry : list(scheme.get("levels"))) {
            Map<String, Object> level = map(entry);
            Object minEachTool = level.get("min_each_tool");
            levels.add(new LevelRule(text(level, "code"), text(level, "name_th"), text(level, "name_en"),
                    ((Number) level.get("min_total")).doubleValue(),
                    minEachTool == null ? OptionalDouble.empty() : OptionalDouble.of(((Number) minEachTool).doubleValue())));
        }
        return new LevelScheme(name, levels, Boolean.TRUE.equals(scheme.get("to_confirm")));
    }

    private static List<Framework.MethodologyChange> changes(List<Object> entries) {
        return entries.stream().map(FrameworkFiles::map)
                .map(change -> new Framework.MethodologyChange(text(change, "th"), text(change, "en"), Boolean.TRUE.equals(change.get("to_confirm"))))
                .toList();
    }

    private static Object required(Map<String, Object> map, String key, String file) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing '" + key + "' in " + file);
        }
        return value;
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing '" + key + "' in " + map);
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a mapping, found " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        if (!(value instanceof List)) {
            throw new IllegalArgumentException("expected a list, found " + value);
        }
        return (List<Object>) value;
    }

    private static Map<String, Object> yaml(String text, String name) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        if (!(document instanceof Map)) {
            throw new IllegalStateException("framework file " + name + " is not a YAML mapping");
        }
        return map(document);
    }

    private static String resource(String name) {
        try (InputStream in = FrameworkFiles.class.getClassLoader().getResourceAsStream(BUNDLED_FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("framework file missing from the classpath: " + BUNDLED_FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
