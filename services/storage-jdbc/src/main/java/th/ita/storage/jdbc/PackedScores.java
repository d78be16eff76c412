package th.ita.storage.jdbc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;

/**
 * The stored form of the facts one batch gave one org-year (a pack): one row of {@code score_pack} instead of one
 * row per fact, so that writing, committing and reading touch ~20–70 times fewer rows, and a few bytes per score.
 * Every value reads back bit for bit as written. Each format's tables must never change: a new table is a new
 * format byte, and every format once written stays readable.
 *
 * <p>Format 2 (written): a format byte, the number of facts (varint), then columns — every metric code as one byte,
 * its place in {@link #CODES_2}, or {@code 0xFF} followed by its length and UTF-8 bytes; every fact's flags, a
 * nibble each (bit 0: derived, bit 1: the value is kept as the raw IEEE double, bit 2: negative); every value, as
 * the varint of its absolute number of hundredths where the value is exactly a number of hundredths (every ITA
 * score, level position and rank), else 8 bytes. About 3.2 bytes a fact, with no compressor: deflating a pack of
 * ~25 facts cost ~12 µs, most of it zlib setting up and clearing its tables for every pack, and was the largest
 * single cost of an ingest.
 *
 * <p>Format 1 (read only, written until session 5): a format byte, then raw DEFLATE (with a preset dictionary of
 * the frameworks' metric codes) of the number of facts; every metric code (length, UTF-8); every fact's flags, a
 * byte each (bit 0: derived, bit 1: raw double); every value, as zig-zag varint hundredths, else 8 bytes.
 *
 * <p>Public only for the schema migration that packs facts stored before.
 */
public final class PackedScores {
    static final byte FORMAT_1 = 1;
    static final byte FORMAT_2 = 2;
    private static final int DERIVED = 1;
    private static final int RAW_DOUBLE = 2;
    private static final int NEGATIVE = 4;
    private static final int SPELLED_CODE = 0xFF;
    private static final long NOT_WHOLE = Long.MIN_VALUE;
    private static final byte[] DICTIONARY_1 = dictionary1();
    /** The metric codes of format 2, each written as its place here: every code of the frameworks of 2561–2568. */
    private static final List<String> CODES_2 = codes2();
    private static final Map<String, Integer> PLACES_2 = places(CODES_2);

    private PackedScores() {
    }

    /** Codes as they appear in a pack (length byte + bytes), in the frameworks' metric order, the most used last. */
    private static byte[] dictionary1() {
        List<String> codes = new ArrayList<>();
        codes.add("reported_rank");
        for (int i = 29; i <= 43; i++) {
            codes.add("o" + i);
        }
        codes.addAll(List.of("total", "IIT", "EIT", "OIT"));
        for (int i = 1; i <= 15; i++) {
            codes.add("i" + i);
        }
        for (int i = 1; i <= 9; i++) {
            codes.add("e" + i);
        }
        for (int i = 1; i <= 9; i++) {
            codes.add("es" + i);
        }
        for (int i = 1; i <= 28; i++) {
            codes.add("o" + i);
        }
        codes.add("reported_level");
        codes.addAll(List.of("total", "total", "IIT", "IIT", "EIT", "EIT", "OIT", "OIT"));
        for (int i = 1; i <= 10; i++) {
            codes.add("ind" + i);
        }
        codes.add("reported_level");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String code : codes) {
            byte[] bytes = code.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length);
            out.write(bytes, 0, bytes.length);
        }
        return out.toByteArray();
    }

    private static List<String> codes2() {
        // Literals, not the constants they equal today: this table must never change.
        List<String> codes = new ArrayList<>(List.of("total", "IIT", "EIT", "OIT", "reported_level", "reported_rank"));
        addNumbered(codes, "ind", 10);
        addNumbered(codes, "i", 15);
        addNumbered(codes, "e", 9);
        addNumbered(codes, "es", 9);
        addNumbered(codes, "o", 43);
        return List.copyOf(codes);
    }

    private static void addNumbered(List<String> codes, String prefix, int last) {
        for (int i = 1; i <= last; i++) {
            codes.add(prefix + i);
        }
    }

    private static Map<String, Integer> places(List<String> codes) {
        Map<String, Integer> places = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            places.put(codes.get(i), i);
        }
        return Map.copyOf(places);
    }

    /** Encodes facts (of one org-year, though nothing here depends on it) in format 2. */
    public static byte[] pack(List<ScoreFact> facts) {
        int count = facts.size();
        Buffer out = new Buffer(8 + count * 4);
        out.write(FORMAT_2);
        out.varint(count);
        for (int i = 0; i < count; i++) {
            String metric = facts.get(i).metric();
            Integer place = PLACES_2.get(metric);
            if (place != null) {
                out.write(place);
            } else {
                byte[] code = metric.getBytes(StandardCharsets.UTF_8);
                out.write(SPELLED_CODE);
                out.varint(code.length);
                out.bytes(code);
            }
        }
        long[] hundredths = new long[count];
        int flagsStart = out.length;
        for (int i = 0; i < count; i += 2) {
            out.write(0);
        }
        for (int i = 0; i < count; i++) {
            ScoreFact fact = facts.get(i);
            int flags = fact.provenance() == Provenance.DERIVED ? DERIVED : 0;
            long whole = wholeHundredths(fact.value());
            if (whole == NOT_WHOLE) {
                flags |= RAW_DOUBLE;
            } else if (whole < 0) {
                flags |= NEGATIVE;
            }
            hundredths[i] = whole;
            out.data[flagsStart + i / 2] |= (byte) (flags << ((i & 1) * 4));
        }
        for (int i = 0; i < count; i++) {
            if (hundredths[i] == NOT_WHOLE) {
                out.fixedLong(Double.doubleToRawLongBits(facts.get(i).value()));
            } else {
                out.varint(Math.abs(hundredths[i]));
            }
        }
        return Arrays.copyOf(out.data, out.length);
    }

    /** The value as a number of hundredths when it is exactly that (and not -0.0), else {@link #NOT_WHOLE}. */
    private static long wholeHundredths(double value) {
        double scaled = value * 100;
        long rounded = Math.round(scaled);
        boolean whole = Math.abs(scaled) < 1e15 && rounded / 100.0 == value
                && Double.doubleToRawLongBits(value) != Double.doubleToRawLongBits(-0.0);
        return whole ? rounded : NOT_WHOLE;
    }

    /** Encodes facts in format 1, which is no longer written: kept to test that packs stored before still read. */
    static byte[] packFormat1(List<ScoreFact> facts) {
        Buffer body = new Buffer(16 + facts.size() * 8);
        body.varint(facts.size());
        for (ScoreFact fact : facts) {
            byte[] code = fact.metric().getBytes(StandardCharsets.UTF_8);
            body.varint(code.length);
            body.bytes(code);
        }
        long[] hundredths = new long[facts.size()];
        for (int i = 0; i < facts.size(); i++) {
            ScoreFact fact = facts.get(i);
            int flags = fact.provenance() == Provenance.DERIVED ? DERIVED : 0;
            hundredths[i] = wholeHundredths(fact.value());
            if (hundredths[i] == NOT_WHOLE) {
                flags |= RAW_DOUBLE;
            }
            body.write(flags);
        }
        int flagsStart = body.length - facts.size();
        for (int i = 0; i < facts.size(); i++) {
            if ((body.data[flagsStart + i] & RAW_DOUBLE) != 0) {
                body.fixedLong(Double.doubleToRawLongBits(facts.get(i).value()));
            } else {
                body.varint((hundredths[i] << 1) ^ (hundredths[i] >> 63));
            }
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setDictionary(DICTIONARY_1);
            deflater.setInput(body.data, 0, body.length);
            deflater.finish();
            byte[] out = new byte[body.length + 64];
            out[0] = FORMAT_1;
            int length = 1;
            while (!deflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                length += deflater.deflate(out, length, out.length - length);
            }
            return Arrays.copyOf(out, length);
        } finally {
            deflater.end();
        }
    }

    /** Decodes a pack into facts of the given org-year, in the order they were written. */
    public static List<ScoreFact> unpack(byte[] pack, long organizationId, int year) {
        if (pack.length > 0 && pack[0] == FORMAT_2) {
            return unpackFormat2(pack, organizationId, year);
        }
        if (pack.length == 0 || pack[0] != FORMAT_1) {
            throw new IllegalStateException("score pack of organization " + organizationId + ", year " + year + " has an unknown format "
                    + (pack.length == 0 ? "(empty)" : pack[0]));
        }
        Inflater inflater = new Inflater(true);
        byte[] body;
        int length = 0;
        try {
            inflater.setDictionary(DICTIONARY_1);
            inflater.setInput(pack, 1, pack.length - 1);
            body = new byte[Math.max(64, pack.length * 6)];
            while (!inflater.finished()) {
                if (length == body.length) {
                    body = Arrays.copyOf(body, body.length * 2);
                }
                int inflated = inflater.inflate(body, length, body.length - length);
                if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("score pack of organization " + organizationId + ", year " + year + " is truncated");
                }
                length += inflated;
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("score pack of organization " + organizationId + ", year " + year + " is corrupt", e);
        } finally {
            inflater.end();
        }
        Reader in = new Reader(body, length);
        int count = (int) in.varint();
        String[] codes = new String[count];
        for (int i = 0; i < count; i++) {
            int codeLength = (int) in.varint();
            codes[i] = new String(body, in.position, codeLength, StandardCharsets.UTF_8);
            in.position += codeLength;
        }
        int flagsStart = in.position;
        in.position += count;
        List<ScoreFact> facts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int flags = body[flagsStart + i];
            double value;
            if ((flags & RAW_DOUBLE) != 0) {
                value = Double.longBitsToDouble(in.fixedLong());
            } else {
                long zigzag = in.varint();
                value = ((zigzag >>> 1) ^ -(zigzag & 1)) / 100.0;
            }
            facts.add(new ScoreFact(organizationId, year, codes[i], value, (flags & DERIVED) != 0 ? Provenance.DERIVED : Provenance.REPORTED));
        }
        if (in.position != length) {
            throw new IllegalStateException("score pack of organization " + organizationId + ", year " + year + " has " + (length - in.position)
                    + " bytes after its facts");
        }
        return facts;
    }

    private static List<ScoreFact> unpackFormat2(byte[] pack, long organizationId, int year) {
        Reader in = new Reader(pack, pack.length);
        in.position = 1;
        long counted = in.varint();
        if (counted < 0 || counted > pack.length) {
            throw new IllegalStateException("score pack of organization " + organizationId + ", year " + year + " is corrupt");
        }
        int count = (int) counted;
        String[] codes = new String[count];
        for (int i = 0; i < count; i++) {
            int place = in.unsignedByte();
            if (place == SPELLED_CODE) {
                long spelled = in.varint();
                if (spelled < 0 || spelled > pack.length) {
                    throw new IllegalStateException("score pack of organization " + organizationId + ", year " + year + " is corrupt");
                }
                int codeLength = (int) spelled;
                in.require(codeLength);
                codes[i] = new String(pack, in.position, codeLength, StandardCharsets.UTF_8);
                in.position += codeLength;
            } else if (place < CODES_2.size()) {
                codes[i] = CODES_2.get(place);
            } else {
                throw new IllegalStateException("score pack of organization " + organizationId + ", year " + year + " names metric " + place
                        + ", which format 2 does not have");
            }
        }
        int flagsStart = in.position;
        in.require((count + 1) / 2);
        in.position += (count + 1) / 2;
        List<ScoreFact> facts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int flags = (pack[flagsStart + i / 2] >> ((i & 1) * 4)) & 0x0F;
            double value;
            if ((flags & RAW_DOUBLE) != 0) {
                in.require(8);
                value = Double.longBitsToDouble(in.fixedLong());
            } else {
                long whole = in.varint();
                value = ((flags & NEGATIVE) != 0 ? -whole : whole) / 100.0;
            }
            facts.add(new ScoreFact(organizationId, year, codes[i], value, (flags & DERIVED) != 0 ? Provenance.DERIVED : Provenance.REPORTED));
        }
        if (in.position != pack.length) {
            throw new IllegalStateException("score pack of organization " + organizationId + ", year " + year + " has " + (pack.length - in.position)
                    + " bytes after its facts");
        }
        return facts;
    }

    private static final class Buffer {
        private byte[] data;
        private int length;

        Buffer(int capacity) {
            data = new byte[capacity];
        }

        void write(int b) {
            if (length == data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[length++] = (byte) b;
        }

        void bytes(byte[] bytes) {
            for (byte b : bytes) {
                write(b);
            }
        }

        void varint(long value) {
            while ((value & ~0x7FL) != 0) {
                write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            write((int) value);
        }

        void fixedLong(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                write((int) (value >>> shift));
            }
        }
    }

    private static final class Reader {
        private final byte[] data;
        private final int length;
        private int position;

        Reader(byte[] data, int length) {
            this.data = data;
            this.length = length;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                if (position >= length || shift > 63) {
                    throw new IllegalStateException("score pack ends inside a number");
                }
                byte b = data[position++];
                if (shift == 63 && (b & 0x7E) != 0) {
                    throw new IllegalStateException("score pack holds a number too large");
                }
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        int unsignedByte() {
            require(1);
            return data[position++] & 0xFF;
        }

        void require(int bytes) {
            if (bytes < 0 || bytes > length - position) {
                throw new IllegalStateException("score pack ends inside a fact");
            }
        }

        long fixedLong() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (data[position++] & 0xFF);
            }
            return value;
        }
    }
}
