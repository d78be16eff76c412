package th.ita.ingest.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import th.ita.core.message.Message;

/**
 * What one streaming pass over a file tells before parsing: its SHA-256 (the same file is
 * recognised however it is named), its size, its format, and for text the encoding — UTF-8 when
 * every byte sequence is valid UTF-8 (a BOM is skipped), otherwise TIS-620 / Windows-874, the Thai
 * single-byte encoding older office software still writes.
 */
public record SourceFile(Path path, String fileName, long size, String sha256, FileFormat format, Charset charset, boolean utf8Bom) {
    public static final Charset THAI_SINGLE_BYTE = Charset.forName("x-windows-874");

    /**
     * @param declaredFormat the format the caller states, if any; otherwise from the name, then the content
     * @param declaredCharset the encoding the caller states, if any
     */
    public static SourceFile inspect(Path path, String fileName, Optional<FileFormat> declaredFormat, Optional<Charset> declaredCharset) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            byte[] buffer = new byte[1 << 16];
            ByteBuffer pending = ByteBuffer.allocate((1 << 16) + 8);
            CharBuffer sink = CharBuffer.allocate(1 << 17);
            boolean validUtf8 = true;
            boolean nulByte = false;
            long size = 0;
            byte[] head = new byte[4];
            int headLength = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
                for (int i = 0; i < read && headLength < head.length; i++) {
                    head[headLength++] = buffer[i];
                }
                for (int i = 0; i < read && !nulByte; i++) {
                    nulByte = buffer[i] == 0;
                }
                size += read;
                if (validUtf8) {
                    pending.put(buffer, 0, read).flip();
                    sink.clear();
                    validUtf8 = !utf8.decode(pending, sink, false).isError();
                    pending.compact();
                }
            }
            if (validUtf8) {
                pending.flip();
                sink.clear();
                validUtf8 = !utf8.decode(pending, sink, true).isError() && !pending.hasRemaining();
            }
            boolean zip = headLength >= 2 && head[0] == 'P' && head[1] == 'K';
            boolean bom = headLength >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
            Optional<FileFormat> named = declaredFormat.or(() -> FileFormat.fromFileName(fileName));
            FileFormat format = named.isPresent() ? named.get() : zip ? FileFormat.XLSX : startsLikeJson(path, bom) ? FileFormat.JSON : FileFormat.CSV;
            if (format != FileFormat.XLSX && zip) {
                throw new MalformedFileException(0, Message.of("file.workbookNotText", "format", format.lowerCaseName()), null);
            }
            if (format != FileFormat.XLSX && nulByte && declaredCharset.isEmpty()) {
                throw new MalformedFileException(0, Message.of("file.notText"), null);
            }
            Charset charset = declaredCharset.orElse(validUtf8 ? StandardCharsets.UTF_8 : THAI_SINGLE_BYTE);
            return new SourceFile(path, fileName, size, HexFormat.of().formatHex(digest.digest()), format, charset, bom);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsLikeJson(Path path, boolean bom) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            if (bom) {
                in.skipNBytes(3);
            }
            int c;
            while ((c = in.read()) != -1) {
                if (!Character.isWhitespace(c)) {
                    return c == '[' || c == '{';
                }
            }
            return false;
        }
    }

    public boolean isEmpty() {
        return size == 0 || (utf8Bom && size == 3);
    }

    /** Opens the file as a table in its format. */
    public TableSource open() {
        try {
            return switch (format) {
                // CSV, the format of large files, parses a thread ahead; its header is fixed once opened (JSON's grows).
                case CSV -> new ReadAhead(new CsvTableSource(this));
                case XLSX -> new XlsxTableSource(this);
                case JSON -> new JsonTableSource(this);
            };
        } catch (IOException e) {
            throw new MalformedFileException(0, Message.of("file.cannotOpen", "format", format.lowerCaseName()), e);
        }
    }
}
