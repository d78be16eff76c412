package th.ita.charts;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * PNG encoding of an opaque chart image, made for speed: what ImageIO spent most of a chart's time on
 * (RGBA with alpha, every row tried with all five filters, a slow deflate level) is done here as
 * <ul>
 *   <li>an exact palette (colour type 3, one byte a pixel) when the image has at most 256 colours — a chart
 *       with antialiased text rarely has, but one drawn without it does;</li>
 *   <li>otherwise 8-bit RGB (colour type 2) with the Up filter where a row repeats most of the row above
 *       (bars, bands, margins) and Sub elsewhere (text, where neighbours in a row resemble);</li>
 *   <li>deflate at a fast level: chart images are long runs of the same bytes, which every level finds.</li>
 * </ul>
 * Lossless either way: decoded, the PNG has exactly the image's pixels. The image must be opaque (the
 * charts paint a white background first): alpha is not written.
 */
public final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** zlib level 1 gave charts within a few per cent of level 6's size, at about a third of its time. */
    static final int LEVEL = 1;
    private static final int FILTER_NONE = 0;
    private static final int FILTER_SUB = 1;
    private static final int FILTER_UP = 2;

    /** Buffers of one thread, kept between charts: a 1200×800 chart otherwise allocates ≈7 MB each time. */
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);
    private static final long KEPT_BYTES = 8L * 1024 * 1024;

    private PngEncoder() {
    }

    private static final class Buffers {
        final Deflater deflater = new Deflater(LEVEL);
        byte[] raw = new byte[0];
        byte[] compressed = new byte[0];
        final int[] colours = new int[512];
    }

    /** The PNG of an opaque {@link BufferedImage#TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image. */
    public static byte[] encode(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_INT_ARGB) {
            throw new IllegalArgumentException("a chart image is INT_RGB or INT_ARGB, not type " + image.getType());
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int stride = image.getRaster().getSampleModel() instanceof java.awt.image.SinglePixelPackedSampleModel model ? model.getScanlineStride() : width;
        long largest = (3L * width + 1) * height;
        if (largest > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("image too large: " + width + "×" + height);
        }
        // A print chart of 4800 × 3200 would keep 46 MB a thread: buffers that large are not kept.
        boolean kept = largest <= KEPT_BYTES;
        Buffers buffers = kept ? BUFFERS.get() : new Buffers();
        try {
            return encode(pixels, width, height, stride, buffers);
        } finally {
            if (!kept) {
                buffers.deflater.end();
            }
        }
    }

    private static byte[] encode(int[] pixels, int width, int height, int stride, Buffers buffers) {
        int[] palette = palette(pixels, width, height, stride, buffers);
        int rowBytes = palette != null ? width + 1 : 3 * width + 1;
        long size = (long) rowBytes * height;
        if (buffers.raw.length < size) {
            buffers.raw = new byte[(int) size];
        }
        byte[] raw = buffers.raw;
        if (palette != null) {
            indexedRows(pixels, width, height, stride, palette, raw);
        } else {
            rgbRows(pixels, width, height, stride, raw);
        }
        byte[] idat = deflate(raw, (int) size, buffers);
        int idatLength = buffers.deflater.getBytesWritten() > Integer.MAX_VALUE ? -1 : (int) buffers.deflater.getBytesWritten();
        ByteArrayOutputStream out = new ByteArrayOutputStream(idatLength + 1024);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8;
        header[9] = (byte) (palette != null ? 3 : 2);
        chunk(out, "IHDR", header, header.length);
        if (palette != null) {
            byte[] plte = new byte[palette.length * 3];
            for (int i = 0; i < palette.length; i++) {
                plte[3 * i] = (byte) (palette[i] >> 16);
                plte[3 * i + 1] = (byte) (palette[i] >> 8);
                plte[3 * i + 2] = (byte) palette[i];
            }
            chunk(out, "PLTE", plte, plte.length);
        }
        chunk(out, "IDAT", idat, idatLength);
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    /** The image's colours, sorted, when there are at most 256 of them; else null. */
    private static int[] palette(int[] pixels, int width, int height, int stride, Buffers buffers) {
        // Open addressing on the RGB value (alpha ignored: the image is opaque); 512 slots for at most 256 colours.
        int[] table = buffers.colours;
        Arrays.fill(table, -1);
        int count = 0;
        int last = -1;
        for (int y = 0; y < height; y++) {
            int offset = y * stride;
            for (int x = 0; x < width; x++) {
                int rgb = pixels[offset + x] & 0xFFFFFF;
                if (rgb == last) {
                    continue;
                }
                last = rgb;
                int slot = (rgb * 0x9E3779B1 >>> 23) & 511;
                while (table[slot] != -1 && table[slot] != rgb) {
                    slot = (slot + 1) & 511;
                }
                if (table[slot] == -1) {
                    if (++count > 256) {
                        return null;
                    }
                    table[slot] = rgb;
                }
            }
        }
        int[] palette = new int[count];
        int n = 0;
        for (int colour : table) {
            if (colour != -1) {
                palette[n++] = colour;
            }
        }
        Arrays.sort(palette);
        return palette;
    }

    private static void indexedRows(int[] pixels, int width, int height, int stride, int[] palette, byte[] raw) {
        int position = 0;
        int last = -1;
        int lastIndex = 0;
        for (int y = 0; y < height; y++) {
            int offset = y * stride;
            raw[position++] = FILTER_NONE;
            for (int x = 0; x < width; x++) {
                int rgb = pixels[offset + x] & 0xFFFFFF;
                if (rgb != last) {
                    last = rgb;
                    lastIndex = Arrays.binarySearch(palette, rgb);
                }
                raw[position++] = (byte) lastIndex;
            }
        }
    }

    private static void rgbRows(int[] pixels, int width, int height, int stride, byte[] raw) {
        int rowBytes = 3 * width + 1;
        for (int y = 0; y < height; y++) {
            int offset = y * stride;
            int start = y * rowBytes;
            // Up where most of the row equals the row above (its bytes then filter to zero), else Sub.
            boolean up = false;
            if (y > 0) {
                int same = 0;
                int above = offset - stride;
                for (int x = 0; x < width; x++) {
                    if (((pixels[offset + x] ^ pixels[above + x]) & 0xFFFFFF) == 0) {
                        same++;
                    }
                }
                up = same * 4 >= width * 3;
            }
            raw[start] = (byte) (up ? FILTER_UP : FILTER_SUB);
            int position = start + 1;
            if (up) {
                int above = offset - stride;
                for (int x = 0; x < width; x++) {
                    int p = pixels[offset + x];
                    int q = pixels[above + x];
                    raw[position++] = (byte) ((p >> 16) - (q >> 16));
                    raw[position++] = (byte) ((p >> 8) - (q >> 8));
                    raw[position++] = (byte) (p - q);
                }
            } else {
                int previous = 0;
                for (int x = 0; x < width; x++) {
                    int p = pixels[offset + x];
                    raw[position++] = (byte) ((p >> 16) - (previous >> 16));
                    raw[position++] = (byte) ((p >> 8) - (previous >> 8));
                    raw[position++] = (byte) (p - previous);
                    previous = p;
                }
            }
        }
    }

    private static byte[] deflate(byte[] raw, int length, Buffers buffers) {
        Deflater deflater = buffers.deflater;
        deflater.reset();
        deflater.setInput(raw, 0, length);
        deflater.finish();
        if (buffers.compressed.length < length / 8 + 1024) {
            buffers.compressed = new byte[length / 8 + 1024];
        }
        int written = 0;
        while (!deflater.finished()) {
            if (written == buffers.compressed.length) {
                buffers.compressed = Arrays.copyOf(buffers.compressed, buffers.compressed.length * 2);
            }
            written += deflater.deflate(buffers.compressed, written, buffers.compressed.length - written);
        }
        return buffers.compressed;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        byte[] lengthBytes = new byte[4];
        putInt(lengthBytes, 0, length);
        out.writeBytes(lengthBytes);
        out.writeBytes(typeBytes);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data, 0, length);
        byte[] crcBytes = new byte[4];
        putInt(crcBytes, 0, (int) crc.getValue());
        out.writeBytes(crcBytes);
    }

    private static void putInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }
}
