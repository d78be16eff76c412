package th.ita.charts;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** An SVG read with the JDK's XML parser (so malformed XML fails), and what tests ask of it. */
final class Svg {
    private static final Pattern TRANSLATE = Pattern.compile("translate\\(([-0-9.eE]+)[ ,]+([-0-9.eE]+)\\)");
    final Document document;

    private Svg(Document document) {
        this.document = document;
    }

    static Svg parse(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return new Svg(factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    List<Element> elements(String name) {
        NodeList nodes = document.getElementsByTagNameNS("*", name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** A text element as drawn: its content, position, font and the transforms of its ancestors. */
    record Text(String content, double x, double y, String fontFamily, double fontSize, String transform) {
    }

    List<Text> texts() {
        List<Text> texts = new ArrayList<>();
        for (Element text : elements("text")) {
            String content = text.getTextContent();
            if (content.isBlank()) {
                continue;
            }
            StringBuilder transforms = new StringBuilder(text.getAttribute("transform"));
            for (org.w3c.dom.Node parent = text.getParentNode(); parent instanceof Element element; parent = parent.getParentNode()) {
                transforms.append(' ').append(element.getAttribute("transform"));
            }
            Map<String, String> style = style(text);
            double[] offset = translation(transforms.toString());
            texts.add(new Text(content, number(text.getAttribute("x")) + offset[0], number(text.getAttribute("y")) + offset[1],
                    style.getOrDefault("font-family", text.getAttribute("font-family")),
                    number(style.getOrDefault("font-size", text.getAttribute("font-size")).replace("px", "")), transforms.toString().strip()));
        }
        return texts;
    }

    /** The CSS properties of an element's style attribute and its presentation attributes. */
    static Map<String, String> style(Element element) {
        Map<String, String> style = new java.util.LinkedHashMap<>();
        for (String attribute : List.of("fill", "font-family", "font-size", "stroke", "fill-opacity")) {
            if (element.hasAttribute(attribute)) {
                style.put(attribute, element.getAttribute(attribute));
            }
        }
        for (String declaration : element.getAttribute("style").split(";")) {
            int colon = declaration.indexOf(':');
            if (colon > 0) {
                style.put(declaration.substring(0, colon).strip(), declaration.substring(colon + 1).strip());
            }
        }
        return style;
    }

    private static double[] translation(String transforms) {
        double x = 0;
        double y = 0;
        Matcher matcher = TRANSLATE.matcher(transforms);
        while (matcher.find()) {
            x += Double.parseDouble(matcher.group(1));
            y += Double.parseDouble(matcher.group(2));
        }
        return new double[] {x, y};
    }

    static double number(String text) {
        return text == null || text.isBlank() ? 0 : Double.parseDouble(text.strip());
    }

    /** Rectangles (rect elements) filled with a colour, as x, y, width, height. */
    List<double[]> rectanglesFilled(java.awt.Color color) {
        List<double[]> rectangles = new ArrayList<>();
        for (Element rect : elements("rect")) {
            if (fills(rect, color)) {
                rectangles.add(new double[] {number(rect.getAttribute("x")), number(rect.getAttribute("y")), number(rect.getAttribute("width")),
                        number(rect.getAttribute("height"))});
            }
        }
        return rectangles;
    }

    /** How many elements of a name are filled with a colour, by their own style or their group's. */
    long filled(String name, java.awt.Color color) {
        return elements(name).stream().filter(e -> fills(e, color) || e.getParentNode() instanceof Element parent && fills(parent, color)).count();
    }

    static boolean fills(Element element, java.awt.Color color) {
        String fill = style(element).getOrDefault("fill", "").replace(" ", "");
        return fill.equalsIgnoreCase(String.format("rgb(%d,%d,%d)", color.getRed(), color.getGreen(), color.getBlue()))
                || fill.equalsIgnoreCase(String.format("#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue()));
    }
}
