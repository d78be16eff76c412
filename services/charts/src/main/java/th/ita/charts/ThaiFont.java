package th.ita.charts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The bundled font with both Thai and Latin glyphs (TLWG Loma, GPL-2+ with the font exception; see
 * fonts/COPYRIGHT-tlwg.txt), so tone marks sit right and digits never turn into boxes, whatever fonts
 * the server has.
 */
final class ThaiFont {
    static final Font REGULAR = load("fonts/Loma.ttf");
    static final Font BOLD = load("fonts/Loma-Bold.ttf");
    /**
     * What an SVG names, with fallbacks a viewer may have. JFreeSVG writes it inside a single-quoted
     * attribute, so no name is quoted: CSS reads a family of several words unquoted as well.
     */
    static final String SVG_FAMILY = "Loma, Garuda, Sarabun, TH Sarabun New, Noto Sans Thai, Tahoma, sans-serif";

    private ThaiFont() {
    }

    private static Font load(String resource) {
        try (InputStream in = ThaiFont.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + resource);
            }
            Font font = Font.createFont(Font.TRUETYPE_FONT, in);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("not a TrueType font: " + resource, e);
        }
    }

    static Font regular(float size) {
        return REGULAR.deriveFont(size);
    }

    static Font bold(float size) {
        return BOLD.deriveFont(size);
    }
}
