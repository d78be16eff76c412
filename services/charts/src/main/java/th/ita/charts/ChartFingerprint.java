package th.ita.charts;

import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A digest of everything a drawing depends on — the chart data (every record component, read by
 * reflection so a new field cannot be forgotten), the options, the date printed and the drawing's
 * version — computed without drawing. Maps are visited in the order of their keys, so the digest is
 * the same in every JVM (Map.copyOf iterates in a per-JVM order).
 */
final class ChartFingerprint {
    private ChartFingerprint() {
    }

    static String of(ChartData data, ChartOptions options, LocalDate drawnOn, String version) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ChartFingerprint.feed(digest, version);
            ChartFingerprint.feed(digest, drawnOn.toString());
            ChartFingerprint.feed(digest, options);
            ChartFingerprint.feed(digest, data);
            return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void feed(MessageDigest digest, Object value) {
        if (value == null) {
            digest.update((byte) 0);
        } else if (value instanceof String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            digest.update((byte) 1);
            digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            digest.update(bytes);
        } else if (value instanceof Double number) {
            digest.update((byte) 2);
            digest.update(ByteBuffer.allocate(8).putLong(Double.doubleToLongBits(number)).array());
        } else if (value instanceof Number number) {
            digest.update((byte) 3);
            digest.update(ByteBuffer.allocate(8).putLong(number.longValue()).array());
        } else if (value instanceof Boolean flag) {
            digest.update((byte) (flag ? 4 : 5));
        } else if (value instanceof Enum<?> constant) {
            digest.update((byte) 6);
            feed(digest, constant.getDeclaringClass().getName() + "." + constant.name());
        } else if (value instanceof double[] numbers) {
            digest.update((byte) 7);
            digest.update(ByteBuffer.allocate(4).putInt(numbers.length).array());
            ByteBuffer buffer = ByteBuffer.allocate(8 * numbers.length);
            for (double number : numbers) {
                buffer.putLong(Double.doubleToLongBits(number));
            }
            digest.update(buffer.array());
        } else if (value instanceof Object[] array) {
            feedAll(digest, (byte) 8, List.of(array));
        } else if (value instanceof Collection<?> collection) {
            feedAll(digest, (byte) 9, collection);
        } else if (value instanceof Map<?, ?> map) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            entries.sort((a, b) -> compareKeys(a.getKey(), b.getKey()));
            digest.update((byte) 10);
            digest.update(ByteBuffer.allocate(4).putInt(entries.size()).array());
            for (Map.Entry<?, ?> entry : entries) {
                feed(digest, entry.getKey());
                feed(digest, entry.getValue());
            }
        } else if (value instanceof Record record) {
            digest.update((byte) 11);
            feed(digest, record.getClass().getName());
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    feed(digest, component.getAccessor().invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
            }
        } else {
            throw new IllegalArgumentException("no fingerprint for " + value.getClass().getName());
        }
    }

    private static void feedAll(MessageDigest digest, byte tag, Collection<?> values) {
        digest.update(tag);
        digest.update(ByteBuffer.allocate(4).putInt(values.size()).array());
        for (Object value : values) {
            feed(digest, value);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(Object a, Object b) {
        if (a instanceof Comparable ca && b != null && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }
}
