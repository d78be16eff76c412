package th.ita.dashboards.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * The pages' words in one language (Thai by default, English on request): one file per language,
 * keyed by the same codes, so a string is never half Thai and half English. {@code {0}} in a text
 * is replaced by the first argument, and so on.
 */
public final class Texts {
    public static final Texts THAI = load("th");
    public static final Texts ENGLISH = load("en");
    private final String language;
    private final Properties texts;

    private Texts(String language, Properties texts) {
        this.language = language;
        this.texts = texts;
    }

    public static Texts of(String language) {
        return "en".equalsIgnoreCase(language) ? ENGLISH : THAI;
    }

    private static Texts load(String language) {
        Properties properties = new Properties();
        String resource = "dashboards/messages_" + language + ".properties";
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Texts(language, properties);
    }

    public String language() {
        return language;
    }

    public boolean thai() {
        return language.equals("th");
    }

    /** The text for a key; a missing key shows as the key itself, so it is seen and fixed rather than hidden. */
    public String get(String key, Object... arguments) {
        String text = texts.getProperty(key);
        if (text == null) {
            return key;
        }
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    /** The Thai or English one of a pair of names the domain carries (nameTh/nameEn). */
    public String pick(String thai, String english) {
        return thai() || english == null || english.isBlank() ? thai : english;
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** Lowercase code for CSS classes and ids. */
    public static String slug(String code) {
        return code == null ? "" : code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
