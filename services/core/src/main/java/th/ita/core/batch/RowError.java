package th.ita.core.batch;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import th.ita.core.message.Language;
import th.ita.core.message.Localized;
import th.ita.core.message.Message;
import th.ita.core.message.Messages;

/**
 * A rejected row or cell: where it is (line 1 is the header of a CSV; for XLSX the sheet row),
 * which column, the value as found and why it was rejected. {@code code} is stable for scripts;
 * {@code messageKey} and {@code parameters} name the text in the message catalog, so the reason reads
 * in the caller's language; {@code message} is its English text (what errors stored before the catalog carry alone).
 */
public record RowError(long line, String column, String value, String code, String message, String messageKey, Map<String, String> parameters) {
    private static final char SEPARATOR = '\u001F';
    /** The suffix of a parameter's English text ({@code province.en}); no template parameter has a dot, so none is shadowed. */
    private static final String ENGLISH = ".en";

    public RowError {
        requireNonNull(code, "code is null");
        requireNonNull(message, "message is null");
        column = column == null ? "" : column;
        value = value == null ? "" : value;
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** An error with a free text only (no catalog key). */
    public RowError(long line, String column, String value, String code, String message) {
        this(line, column, value, code, message, null, Map.of());
    }

    /**
     * An error whose reason is a catalog message; {@code value} and {@code column} are parameters of it too.
     * A parameter named in both languages (a province's name) is kept in both: its English text under
     * {@code name.en}, so the English reason names the English province.
     */
    public static RowError of(long line, String column, String value, String code, Message reason) {
        Map<String, Object> parameters = new LinkedHashMap<>(reason.parameters());
        parameters.putIfAbsent("value", value == null ? "" : value);
        parameters.putIfAbsent("column", column == null ? "" : column);
        Message full = new Message(reason.key(), parameters);
        Map<String, String> text = new LinkedHashMap<>(full.textParameters());
        parameters.forEach((name, parameter) -> {
            if (parameter instanceof Localized localized && !localized.en().equals(localized.th())) {
                text.put(name + ENGLISH, localized.en());
            }
        });
        return new RowError(line, column, value, code, Messages.standard().render(full, Language.EN), reason.key(), text);
    }

    /** The reason in a language: from the catalog where the error names a key, its stored text otherwise. */
    public String message(Language language) {
        if (messageKey == null || !Messages.standard().has(messageKey)) {
            return message;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        parameters.forEach((name, text) -> {
            if (!name.endsWith(ENGLISH)) {
                String english = parameters.get(name + ENGLISH);
                values.put(name, language == Language.EN && english != null ? english : text);
            }
        });
        return Messages.standard().render(new Message(messageKey, values), language);
    }

    /** The parameters as one text for a store: {@code name=value} pairs separated by U+001F. */
    public String encodedParameters() {
        StringBuilder out = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (!out.isEmpty()) {
                out.append(SEPARATOR);
            }
            out.append(name).append('=').append(value.replace(SEPARATOR, ' '));
        });
        return out.toString();
    }

    /** Reads {@link #encodedParameters()} back (null or empty: none). */
    public static Map<String, String> decodeParameters(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split(String.valueOf(SEPARATOR))) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return parameters;
    }
}
