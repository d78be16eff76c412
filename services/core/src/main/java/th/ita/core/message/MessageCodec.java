package th.ita.core.message;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a {@link Message} as one text for a store, and back, keeping what rendering needs
 * in every language: nested messages stay messages, {@link Localized} names keep both languages,
 * scores stay fractional numbers (printed with two decimals), whole numbers stay whole. The text is a
 * small JSON object, so it can be read in the database too. Values of other types are kept as their text.
 */
public final class MessageCodec {
    private static final String KEY = "key";
    private static final String PARAMETERS = "parameters";
    private static final String THAI = "th";
    private static final String ENGLISH = "en";

    private MessageCodec() {
    }

    /** {@code {"file":"scores.csv","line":12}}; an empty object for none. */
    public static String encodeParameters(Map<String, Object> parameters) {
        StringBuilder out = new StringBuilder();
        writeObject(requireNonNull(parameters, "parameters is null"), out);
        return out.toString();
    }

    /** Reads {@link #encodeParameters} back; null or blank reads as no parameters. */
    public static Map<String, Object> decodeParameters(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return Map.of();
        }
        Reader reader = new Reader(encoded);
        Object value = reader.value();
        reader.end();
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("message parameters are not an object: " + encoded);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        map.forEach((name, parameter) -> parameters.put((String) name, restore(parameter)));
        return parameters;
    }

    /** A message from its key and its encoded parameters. */
    public static Message decode(String key, String encodedParameters) {
        return new Message(key, decodeParameters(encodedParameters));
    }

    private static Object restore(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.containsKey(KEY)) {
                Object parameters = map.get(PARAMETERS);
                Map<String, Object> restored = new LinkedHashMap<>();
                if (parameters instanceof Map<?, ?> nested) {
                    nested.forEach((name, parameter) -> restored.put((String) name, restore(parameter)));
                }
                return new Message((String) map.get(KEY), restored);
            }
            return new Localized(String.valueOf(map.get(THAI)), String.valueOf(map.get(ENGLISH)));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(MessageCodec::restore).toList();
        }
        return value;
    }

    private static void writeObject(Map<String, ?> fields, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(field.getKey(), out);
            out.append(':');
            writeValue(field.getValue(), out);
        }
        out.append('}');
    }

    private static void writeValue(Object value, StringBuilder out) {
        if (value instanceof Message message) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put(KEY, message.key());
            fields.put(PARAMETERS, message.parameters());
            writeObject(fields, out);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((name, parameter) -> fields.put(String.valueOf(name), parameter));
            writeObject(fields, out);
        } else if (value instanceof Localized localized) {
            writeObject(Map.of(THAI, localized.th(), ENGLISH, localized.en()), out);
        } else if (value instanceof Collection<?> values) {
            out.append('[');
            boolean first = true;
            for (Object element : values) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeValue(element, out);
            }
            out.append(']');
        } else if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            String text = Double.toString(((Number) value).doubleValue());
            out.append(text.contains(".") || text.contains("E") ? text : text + ".0");
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.append(value);
        } else {
            writeString(String.valueOf(value), out);
        }
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Reads the JSON that the writer above writes: objects, arrays, strings and numbers. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            if (at >= text.length()) {
                throw malformed();
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                default -> number();
            };
        }

        void end() {
            skipSpace();
            if (at != text.length()) {
                throw malformed();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> fields = new LinkedHashMap<>();
            at++;
            skipSpace();
            if (peek() == '}') {
                at++;
                return fields;
            }
            while (true) {
                skipSpace();
                String name = string();
                skipSpace();
                expect(':');
                fields.put(name, value());
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else {
                    expect('}');
                    return fields;
                }
            }
        }

        private List<Object> array() {
            List<Object> values = new ArrayList<>();
            at++;
            skipSpace();
            if (peek() == ']') {
                at++;
                return values;
            }
            while (true) {
                values.add(value());
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else {
                    expect(']');
                    return values;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    if (at >= text.length()) {
                        throw malformed();
                    }
                    char escaped = text.charAt(at++);
                    switch (escaped) {
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'u' -> {
                            if (at + 4 > text.length()) {
                                throw malformed();
                            }
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(escaped);
                    }
                } else {
                    out.append(c);
                }
            }
            throw malformed();
        }

        private Object number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String number = text.substring(start, at);
            if (number.isEmpty()) {
                throw malformed();
            }
            try {
                return number.contains(".") || number.contains("e") || number.contains("E") ? (Object) Double.parseDouble(number) : (Object) Long.parseLong(number);
            } catch (NumberFormatException e) {
                throw malformed();
            }
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw malformed();
            }
            at++;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException malformed() {
            return new IllegalArgumentException("malformed message parameters at " + at + ": " + text);
        }
    }
}
