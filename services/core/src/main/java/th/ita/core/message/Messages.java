package th.ita.core.message;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import th.ita.core.score.Scores;

/**
 * The catalog of every text users read, one file per language ({@code messages_th.properties},
 * {@code messages_en.properties}, UTF-8) keyed by code, with named parameters: {@code {value}}.
 * Keys group by area: {@code problem.*}, {@code row.*}, {@code finding.*}, {@code weakness.*},
 * {@code level.*}, {@code movers.*}, {@code csv.*}, {@code chart.*}, {@code batch.*}, {@code cli.*}. Every key exists in both languages
 * (a test holds it), so a text is never English-only, and never both languages in one string.
 */
public final class Messages {
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
    private static final Messages STANDARD = load("th/ita/core/message/messages");
    private final Map<Language, Map<String, String>> texts;

    private Messages(Map<Language, Map<String, String>> texts) {
        this.texts = texts;
    }

    /** The platform's catalog, from the classpath. */
    public static Messages standard() {
        return STANDARD;
    }

    /** A catalog from {@code base_th.properties} and {@code base_en.properties} on the classpath. */
    public static Messages load(String base) {
        Map<Language, Map<String, String>> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String resource = base + "_" + language.tag() + ".properties";
            try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("message catalog " + resource + " is missing");
                }
                Properties properties = new Properties();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                texts.put(language, properties.stringPropertyNames().stream()
                        .collect(Collectors.toUnmodifiableMap(key -> key, properties::getProperty)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read message catalog " + resource, e);
            }
        }
        return new Messages(texts);
    }

    public Set<String> keys(Language language) {
        return new TreeSet<>(texts.get(language).keySet());
    }

    public boolean has(String key) {
        return texts.get(Language.TH).containsKey(key) && texts.get(Language.EN).containsKey(key);
    }

    /** The template of a key as written in the catalog, parameters unfilled. */
    public String template(String key, Language language) {
        String template = texts.get(requireNonNull(language, "language is null")).get(requireNonNull(key, "key is null"));
        if (template == null) {
            throw new IllegalArgumentException("no " + language.tag() + " text for message " + key);
        }
        return template;
    }

    /** The names of the parameters a template uses. */
    public Set<String> parameters(String key, Language language) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PARAMETER.matcher(template(key, language));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    public String render(Message message, Language language) {
        String template = template(message.key(), language);
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = message.parameters().get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("message " + message.key() + " needs parameter " + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(format(value, language)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    public String render(String key, Language language, Object... namesAndValues) {
        return render(Message.of(key, namesAndValues), language);
    }

    /** A parameter as text: fractional numbers as scores (two decimals, half up), whole numbers as they are. */
    String format(Object value, Language language) {
        if (value instanceof Message nested) {
            return render(nested, language);
        }
        if (value instanceof Localized localized) {
            return localized.in(language);
        }
        if (value instanceof Double || value instanceof Float) {
            return Scores.format(((Number) value).doubleValue());
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(v -> format(v, language)).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }
}
