package th.ita.dashboards.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import th.ita.dashboards.port.Person;

/**
 * What every page's frame needs: the words in the chosen language, the person signed in (null on the
 * sign-in page), the CSRF token the page's forms and htmx requests send, and the links to switch language.
 */
public record Chrome(Texts t, Person person, String csrfToken, String csrfField, String csrfHeader, String path, String query) {

    public String lang() {
        return t.language();
    }

    /** The same page in the other language. */
    public String otherLanguageLink() {
        String other = t.thai() ? "en" : "th";
        String rest = query == null ? "" : query.replaceAll("(^|&)lang=[^&]*", "").replaceAll("^&", "");
        return path + "?" + (rest.isEmpty() ? "" : rest + "&") + "lang=" + other;
    }

    /** The htmx request headers (the CSRF token), as the JSON hx-headers takes. */
    public String htmxHeaders() {
        return "{\"" + csrfHeader + "\": \"" + csrfToken + "\"}";
    }

    public String roleName() {
        return person == null ? "" : t.get("role." + person.role().name());
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
