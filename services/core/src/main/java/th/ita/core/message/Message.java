package th.ita.core.message;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message a user reads, as a catalog key and named parameters, rendered in a language only at the
 * edge ({@link Messages#render}). Parameter values are text, numbers (a fractional number prints as
 * a score, two decimals), {@link Localized} names, nested messages or lists of these.
 */
public record Message(String key, Map<String, Object> parameters) {
    public Message {
        requireNonNull(key, "key is null");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        parameters.forEach((name, value) -> requireNonNull(value, () -> "parameter " + name + " of " + key + " is null"));
    }

    /** {@code Message.of("row.OUT_OF_RANGE", "value", "120")}: the key, then names and values in turn. */
    public static Message of(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters of " + key + " come in name, value pairs");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Message(key, parameters);
    }

    /** The code scripts rely on: the last part of the key ({@code row.OUT_OF_RANGE} → {@code OUT_OF_RANGE}). */
    public String code() {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** The parameters as plain text (Thai names of localized values), for storing or logging. */
    public Map<String, String> textParameters() {
        Map<String, String> text = new LinkedHashMap<>();
        parameters.forEach((name, value) -> text.put(name, Messages.standard().format(value, Language.TH)));
        return text;
    }
}
