package th.ita.app.ingest;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import th.ita.core.error.ItaException;
import th.ita.core.message.Message;

/**
 * A multipart/form-data upload read by us, not bound by the framework: the caller's rights and the
 * parameters are checked before the first byte of the body is read, the form's fields that precede the
 * file (a CSRF token, the format) before a byte of the file is written to disk, so a refused upload is
 * never written anywhere, and the one temporary file an accepted upload needs (in the uploads directory)
 * is always deleted by {@link #close()}, whatever happens in between.
 */
final class MultipartUpload implements AutoCloseable {
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_FIELD = 1_000;
    /** Parts stay in memory up to this size: more than one chunk, so the file's first chunk is in memory when the fields are checked. */
    private static final long IN_MEMORY = 2L * CHUNK;
    private final Path directory;
    private final DefaultHttpDataFactory factory;
    private final HttpPostMultipartRequestDecoder decoder;
    private final Map<String, String> fields = new HashMap<>();
    private FileUpload file;
    private Path materialized;

    private MultipartUpload(String contentType, Path directory) {
        this.directory = directory;
        factory = new DefaultHttpDataFactory(IN_MEMORY);
        factory.setBaseDir(directory.toString());
        factory.setDeleteOnExit(false);
        DefaultHttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/");
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        try {
            decoder = new HttpPostMultipartRequestDecoder(factory, request, StandardCharsets.UTF_8);
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            throw ItaException.invalidInput(Message.of("file.notMultipart"));
        }
    }

    /** "larger than 512 MB": whole megabytes as they are, a limit below a whole number of them with two decimals. */
    static Message tooLarge(long maxBytes) {
        long megabyte = 1024 * 1024;
        return Message.of("file.tooLarge", "megabytes", maxBytes % megabyte == 0 ? (Object) (maxBytes / megabyte) : (Object) ((double) maxBytes / megabyte));
    }

    /** Reads the whole body: the part named {@code fileField} to a temporary file in {@code directory}, small fields to memory. */

    static MultipartUpload read(InputStream body, String contentType, Path directory, String fileField, long maxBytes) {
        return read(body, contentType, directory, fileField, maxBytes, fields -> { });
    }

    /**
     * Reads the whole body as {@link #read(InputStream, String, Path, String, long)} does; {@code beforeFile}
     * is given the fields that precede the file part as soon as the file part begins (or at the end, when
     * there is none), while no byte of the file has been written to disk: it refuses by throwing.
     */
    static MultipartUpload read(InputStream body, String contentType, Path directory, String fileField, long maxBytes,
                                Consumer<Map<String, String>> beforeFile) {
        MultipartUpload upload = new MultipartUpload(contentType, directory);
        try {
            byte[] buffer = new byte[CHUNK];
            long total = 0;
            boolean checked = false;
            int read;
            while ((read = body.read(buffer)) > 0) {
                total += read;
                if (total > maxBytes) {
                    throw ItaException.invalidInput(tooLarge(maxBytes));
                }
                upload.decoder.offer(new DefaultHttpContent(Unpooled.wrappedBuffer(buffer, 0, read)));
                upload.drain(fileField);
                if (!checked && (upload.file != null || upload.decoder.currentPartialHttpData() instanceof FileUpload)) {
                    checked = true;
                    beforeFile.accept(Map.copyOf(upload.fields));
                }
            }
            upload.decoder.offer(LastHttpContent.EMPTY_LAST_CONTENT);
            upload.drain(fileField);
            if (!checked) {
                beforeFile.accept(Map.copyOf(upload.fields));
            }
            upload.materialize();
            return upload;
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            upload.close();
            throw ItaException.invalidInput(Message.of("file.malformedMultipart"));
        } catch (IOException e) {
            upload.close();
            throw new UncheckedIOException("cannot read the upload", e);
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
    }

    private void drain(String fileField) throws IOException {
        try {
            while (decoder.hasNext()) {
                InterfaceHttpData data = decoder.next();
                if (data instanceof FileUpload upload && upload.getName().equals(fileField) && file == null) {
                    file = upload;
                } else if (data instanceof Attribute attribute && attribute.length() <= MAX_FIELD) {
                    fields.putIfAbsent(attribute.getName(), attribute.getValue());
                }
            }
        } catch (HttpPostRequestDecoder.EndOfDataDecoderException end) {
            // The closing boundary has been read: every part is in.
        }
    }

    /** A small file the decoder kept in memory is written to the uploads directory too: the ingest reads a path. */
    private void materialize() throws IOException {
        if (file != null && file.isInMemory()) {
            materialized = java.nio.file.Files.createTempFile(directory, "upload-", ".part");
            java.nio.file.Files.write(materialized, file.get());
        }
    }

    /** The uploaded file on disk, while this upload is open. */
    Optional<Path> file() {
        if (materialized != null) {
            return Optional.of(materialized);
        }
        try {
            return file == null ? Optional.empty() : Optional.of(file.getFile().toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String fileName() {
        return file == null || file.getFilename() == null || file.getFilename().isBlank() ? "upload" : file.getFilename();
    }

    Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** Deletes every temporary file of the upload. */
    @Override
    public void close() {
        try {
            decoder.destroy();
        } finally {
            factory.cleanAllHttpData();
            if (materialized != null) {
                try {
                    java.nio.file.Files.deleteIfExists(materialized);
                } catch (IOException e) {
                    // This node's spool directory is cleared at its next start.
                }
            }
        }
    }
}
