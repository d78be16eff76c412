package th.ita.analytics.table;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Frameworks;
import th.ita.core.framework.Metric;
import th.ita.core.organization.Organization;

/**
 * A score table as a compact columnar file, so that a restart loads it in a fraction of a second instead
 * of rebuilding it fact by fact from the store. A snapshot is stamped with what the table was built from
 * — the tenant, its publication version, the basis and the frameworks' metrics — and is read back only
 * when every part of the stamp and the tenant's organizations are the same: a snapshot of an older
 * publication is never served. A damaged file (short, wrong checksum, unknown format) is reported as
 * {@link Damaged}, so the caller rebuilds and writes a new one.
 *
 * <p>Layout (big-endian): magic, format, the stamp, the frameworks' fingerprint, the organizations' ids,
 * then per year each metric's column of one value per organization, the published levels and ranks,
 * the values of the other basis, and a CRC-32 of everything before it. A column is stored as nothing
 * (no value), as hundredths in an {@code int} (every value a two-decimal figure, as scores are: exact,
 * since {@code c / 100.0} is the double such a figure parses to) or as raw doubles.
 */
public final class ScoreTableSnapshot {
    private static final int MAGIC = 0x49544153; // "ITAS"
    /** Changes whenever the layout, or what a builder puts in a table, changes: an older file is then rebuilt. */
    static final int FORMAT = 1;
    private static final byte EMPTY = 0;
    private static final byte HUNDREDTHS = 1;
    private static final byte DOUBLES = 2;
    private static final int NO_VALUE = Integer.MIN_VALUE;

    private ScoreTableSnapshot() {
    }

    /** What a table was built from: it is served only for the same tenant, publication version and basis. */
    public record Stamp(String tenant, long version, ScoreTable.Basis basis) {
        public Stamp {
            requireNonNull(tenant, "tenant is null");
            requireNonNull(basis, "basis is null");
        }
    }

    /** The file cannot be read as a snapshot (truncated, checksum wrong, another format). */
    public static final class Damaged extends IOException {
        Damaged(String message) {
            super(message);
        }
    }

    /** Writes the table, replacing any earlier snapshot at once (a reader sees the old file or the new one). */
    public static void write(ScoreTable table, Stamp stamp, Frameworks frameworks, Path file) throws IOException {
        byte[] bytes = encode(table, stamp, frameworks);
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, file.getFileName().toString(), ".part");
        try {
            Files.write(partial, bytes);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * The table of the snapshot, or empty when there is none or it was made from something else than
     * {@code expected}, these organizations (the same ids) and these frameworks.
     *
     * @throws Damaged when the file exists but is not a whole snapshot
     */
    public static Optional<ScoreTable> read(Path file, Stamp expected, List<Organization> organizations, Frameworks frameworks) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return decode(bytes, expected, organizations, frameworks);
    }

    static byte[] encode(ScoreTable table, Stamp stamp, Frameworks frameworks) throws IOException {
        if (table.basis() != stamp.basis()) {
            throw new IllegalArgumentException("a table on " + table.basis() + " cannot be stamped " + stamp.basis());
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        writeText(out, stamp.tenant());
        out.writeLong(stamp.version());
        writeText(out, stamp.basis().name());
        writeText(out, fingerprint(frameworks));
        List<Organization> organizations = table.organizations();
        out.writeInt(organizations.size());
        for (Organization organization : organizations) {
            out.writeLong(organization.id());
        }
        List<Integer> years = table.years();
        out.writeInt(years.size());
        for (int year : years) {
            double[][] columns = table.yearValues(year);
            out.writeInt(year);
            out.writeInt(columns.length);
            for (double[] column : columns) {
                writeColumn(out, column);
            }
        }
        writeColumns(out, table.reportedLevelColumns());
        writeColumns(out, table.reportedRankColumns());
        Map<Long, Double> others = table.otherValueMap();
        out.writeInt(others.size());
        for (Map.Entry<Long, Double> other : new TreeMap<>(others).entrySet()) {
            out.writeLong(other.getKey());
            out.writeDouble(other.getValue());
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(buffer.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        return buffer.toByteArray();
    }

    static Optional<ScoreTable> decode(byte[] bytes, Stamp expected, List<Organization> organizations, Frameworks frameworks) throws Damaged {
        if (bytes.length < 16) {
            throw new Damaged("a snapshot of " + bytes.length + " bytes is too short");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getLong(bytes.length - 8) != crc.getValue()) {
            throw new Damaged("the snapshot's checksum does not match its contents");
        }
        in.limit(bytes.length - 8);
        try {
            if (in.getInt() != MAGIC) {
                throw new Damaged("not a score table snapshot");
            }
            if (in.getInt() != FORMAT) {
                return Optional.empty();
            }
            Stamp stamp = new Stamp(readText(in), in.getLong(), ScoreTable.Basis.valueOf(readText(in)));
            if (!stamp.equals(expected) || !readText(in).equals(fingerprint(frameworks))) {
                return Optional.empty();
            }
            int count = in.getInt();
            if (count != organizations.size()) {
                return Optional.empty();
            }
            // Where each saved organization is in today's list: the same ids, in whatever order the store gives.
            Map<Long, Integer> indexById = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                indexById.put(organizations.get(i).id(), i);
            }
            int[] moved = new int[count];
            boolean same = true;
            for (int i = 0; i < count; i++) {
                Integer index = indexById.get(in.getLong());
                if (index == null) {
                    return Optional.empty();
                }
                moved[i] = index;
                same &= index == i;
            }
            int[] order = same ? null : moved;
            Map<Integer, Framework> yearFrameworks = new HashMap<>();
            Map<Integer, double[][]> values = new HashMap<>();
            int years = in.getInt();
            for (int y = 0; y < years; y++) {
                int year = in.getInt();
                Framework framework = frameworks.forYear(year).orElseThrow(() -> new Damaged("the snapshot has a year its fingerprint lacks: " + year));
                int slots = in.getInt();
                if (slots != framework.metrics().size()) {
                    throw new Damaged("year " + year + " has " + slots + " columns, its framework " + framework.metrics().size());
                }
                double[][] columns = new double[slots][];
                for (int slot = 0; slot < slots; slot++) {
                    columns[slot] = readColumn(in, count, order);
                }
                yearFrameworks.put(year, framework);
                values.put(year, columns);
            }
            Map<Integer, double[]> levels = readColumns(in, count, order);
            Map<Integer, double[]> ranks = readColumns(in, count, order);
            int otherCount = in.getInt();
            Map<Long, Double> others = new HashMap<>(Math.max(16, otherCount * 2));
            for (int i = 0; i < otherCount; i++) {
                long key = in.getLong();
                double value = in.getDouble();
                int organization = ScoreTable.organizationOf(key);
                if (organization >= count) {
                    throw new Damaged("a value of the other basis names organization " + organization + " of " + count);
                }
                others.put(order == null ? key : ScoreTable.key(ScoreTable.yearOf(key), ScoreTable.slotOf(key), order[organization]), value);
            }
            if (in.hasRemaining()) {
                throw new Damaged(in.remaining() + " bytes after the snapshot's end");
            }
            return Optional.of(ScoreTable.restore(organizations, stamp.basis(), yearFrameworks, values, levels, ranks, others));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new Damaged("the snapshot ends early or holds an unknown value: " + e);
        }
    }

    /** The metrics of every year in slot order: a table's columns mean the same only under the same frameworks. */
    static String fingerprint(Frameworks frameworks) {
        StringBuilder text = new StringBuilder();
        for (int year : frameworks.years()) {
            text.append(year).append(':');
            for (Metric metric : frameworks.require(year).metrics()) {
                text.append(metric.code()).append(',');
            }
            text.append(';');
        }
        return text.toString();
    }

    private static void writeColumns(DataOutputStream out, Map<Integer, double[]> columns) throws IOException {
        out.writeInt(columns.size());
        for (Map.Entry<Integer, double[]> column : new TreeMap<>(columns).entrySet()) {
            out.writeInt(column.getKey());
            writeColumn(out, column.getValue());
        }
    }

    private static Map<Integer, double[]> readColumns(ByteBuffer in, int count, int[] order) throws Damaged {
        int size = in.getInt();
        Map<Integer, double[]> columns = new HashMap<>();
        for (int i = 0; i < size; i++) {
            int year = in.getInt();
            columns.put(year, readColumn(in, count, order));
        }
        return columns;
    }

    private static void writeColumn(DataOutputStream out, double[] column) throws IOException {
        boolean any = false;
        boolean hundredths = true;
        for (double value : column) {
            if (!Double.isNaN(value)) {
                any = true;
                hundredths &= hundredths(value) != NO_VALUE;
            }
        }
        if (!any) {
            out.writeByte(EMPTY);
            return;
        }
        out.writeByte(hundredths ? HUNDREDTHS : DOUBLES);
        for (double value : column) {
            if (hundredths) {
                out.writeInt(Double.isNaN(value) ? NO_VALUE : hundredths(value));
            } else {
                out.writeDouble(value);
            }
        }
    }

    /** The value in hundredths when it is exactly the double a two-decimal figure parses to, else {@link #NO_VALUE}. */
    private static int hundredths(double value) {
        if (!(Math.abs(value) < 20_000_000)) {
            return NO_VALUE;
        }
        long hundredths = Math.round(value * 100);
        return hundredths / 100.0 == value && Double.doubleToRawLongBits(value) != Double.doubleToRawLongBits(-0.0) ? (int) hundredths : NO_VALUE;
    }

    private static double[] readColumn(ByteBuffer in, int count, int[] order) throws Damaged {
        byte kind = in.get();
        double[] saved = new double[count];
        switch (kind) {
            case EMPTY -> Arrays.fill(saved, Double.NaN);
            case HUNDREDTHS -> {
                for (int i = 0; i < count; i++) {
                    int hundredths = in.getInt();
                    saved[i] = hundredths == NO_VALUE ? Double.NaN : hundredths / 100.0;
                }
            }
            case DOUBLES -> {
                for (int i = 0; i < count; i++) {
                    saved[i] = in.getDouble();
                }
            }
            default -> throw new Damaged("unknown column kind " + kind);
        }
        if (order == null) {
            return saved;
        }
        double[] column = new double[count];
        for (int i = 0; i < count; i++) {
            column[order[i]] = saved[i];
        }
        return column;
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(ByteBuffer in) throws Damaged {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new Damaged("a text of " + length + " bytes where " + in.remaining() + " remain");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
