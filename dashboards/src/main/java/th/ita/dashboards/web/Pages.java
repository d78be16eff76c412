package th.ita.dashboards.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.ita.core.error.ItaException;
import th.ita.core.message.Language;
import th.ita.core.message.Messages;
import th.ita.dashboards.port.Person;
import th.ita.dashboards.port.SignIns;

/**
 * Renders a page or an htmx fragment for the person signed in: no session sends the browser to the
 * sign-in page; the platform's errors become an error page with the right status (404 for what is
 * outside the person's scope, 403 for what their role may not see), never a blank page.
 */
@Singleton
public class Pages {
    public static final String LANGUAGE_COOKIE = "ita_lang";
    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);
    private final SignIns signIns;
    private final CsrfTokens csrf;

    Pages(SignIns signIns, CsrfTokens csrf) {
        this.signIns = signIns;
        this.csrf = csrf;
    }

    /** What a page is built from: its frame and the person. */
    public record Context(Chrome chrome, Person person, Authentication authentication, HttpRequest<?> request) {
        public Texts t() {
            return chrome.t();
        }

        public String tenant() {
            return person.tenant();
        }
    }

    /** A full page: {@code view} is the template; the model is passed to it as {@code view}. */
    public MutableHttpResponse<?> page(HttpRequest<?> request, Authentication authentication, String view, Function<Context, Object> model) {
        return render(request, authentication, view, model);
    }

    /** An htmx fragment: the same rules, another (smaller) template. */
    public MutableHttpResponse<?> fragment(HttpRequest<?> request, Authentication authentication, String view, Function<Context, Object> model) {
        return render(request, authentication, view, model);
    }

    /** A page for a visitor who is not signed in (the sign-in page). */
    public MutableHttpResponse<?> anonymous(HttpRequest<?> request, String view, Object model, HttpStatus status) {
        CsrfTokens.Token token = csrf.forPage(request);
        Chrome chrome = chrome(request, null, token);
        return withLanguage(request, csrf.attach(request, HttpResponse.status(status).body(modelAndView(view, chrome, model)), token));
    }

    private MutableHttpResponse<?> render(HttpRequest<?> request, Authentication authentication, String view, Function<Context, Object> model) {
        if (authentication == null) {
            return signInFirst(request);
        }
        CsrfTokens.Token token = csrf.forPage(request);
        Person person;
        try {
            person = signIns.person(authentication);
        } catch (ItaException e) {
            return signInFirst(request);
        }
        Chrome chrome = chrome(request, person, token);
        MutableHttpResponse<?> response;
        try {
            Object built = model.apply(new Context(chrome, person, authentication, request));
            response = HttpResponse.ok(modelAndView(view, chrome, built));
        } catch (ItaException e) {
            response = error(chrome, e);
        }
        return withLanguage(request, csrf.attach(request, response, token));
    }

    /** Whether an unsafe request carries this session's CSRF token (form field or htmx header). */
    public boolean csrfValid(HttpRequest<?> request, String formToken) {
        try {
            csrf.require(request, formToken);
            return true;
        } catch (ItaException e) {
            return false;
        }
    }

    /** The person behind an authenticated request (for downloads, which have no page). */
    public Person person(Authentication authentication) {
        return signIns.person(authentication);
    }

    public CsrfTokens csrf() {
        return csrf;
    }

    /** The error page for a platform error. */
    public MutableHttpResponse<?> error(Chrome chrome, ItaException e) {
        HttpStatus status = switch (e.code()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case STORAGE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            LOG.warn("page failed: {}", e.getMessage(), e);
        }
        return HttpResponse.status(status).body(modelAndView("error", chrome, new ErrorView(status.getCode(), e.code().name(), detail(chrome.t(), e))));
    }

    /**
     * What went wrong, in the reader's language: a message of the platform's catalog or of the pages'
     * words is rendered in it. Any other error text is English for the log (and may name internals):
     * the English UI shows it, the Thai one keeps to the Thai explanation of the status. A storage
     * fault's text is never shown.
     */
    public static String detail(Texts t, ItaException e) {
        if (e.code() == th.ita.core.error.ErrorCode.STORAGE_UNAVAILABLE) {
            return "";
        }
        if (e instanceof PageError page) {
            return page.text(t);
        }
        Language language = t.thai() ? Language.TH : Language.EN;
        return e.userMessage().map(message -> Messages.standard().render(message, language)).orElse(t.thai() ? "" : e.getMessage());
    }

    /** What the error page shows: the status, the platform's code and its message in the reader's language (blank when there is none). */
    public record ErrorView(int status, String code, String detail) {
    }

    private MutableHttpResponse<?> signInFirst(HttpRequest<?> request) {
        String next = request.getPath() + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery());
        if (request.getHeaders().contains("HX-Request")) {
            // htmx follows redirects inside the fragment; tell it to load the sign-in page instead.
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).header("HX-Redirect", "/sign-in?next=" + Chrome.encode(next));
        }
        return HttpResponse.seeOther(URI.create("/sign-in?next=" + Chrome.encode(next)));
    }

    private Chrome chrome(HttpRequest<?> request, Person person, CsrfTokens.Token token) {
        return new Chrome(Texts.of(language(request)), person, token.value(), csrf.fieldName(), csrf.headerName(), request.getPath(),
                request.getUri().getRawQuery());
    }

    /** The language: {@code ?lang=} (remembered in a cookie), else the cookie, else Thai. */
    public static String language(HttpRequest<?> request) {
        return request.getParameters().getFirst("lang")
                .or(() -> request.getCookies().findCookie(LANGUAGE_COOKIE).map(Cookie::getValue))
                .filter(lang -> lang.equals("en") || lang.equals("th")).orElse("th");
    }

    /** A value safe to put in a path: digits and letters only (province and organization codes). */
    public static String pathSegment(String value) {
        return value.replaceAll("[^\\p{L}\\p{N}_-]", "");
    }

    private static MutableHttpResponse<?> withLanguage(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getParameters().getFirst("lang").filter(lang -> lang.equals("en") || lang.equals("th"))
                .ifPresent(lang -> response.cookie(Cookie.of(LANGUAGE_COOKIE, lang).path("/").sameSite(SameSite.Lax).maxAge(365L * 24 * 3600)));
        return response;
    }

    private static ModelAndView<Map<String, Object>> modelAndView(String view, Chrome chrome, Object model) {
        Map<String, Object> map = new HashMap<>();
        map.put("chrome", chrome);
        map.put("view", model);
        return new ModelAndView<>(view, map);
    }
}
