package th.ita.dashboards.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.io.InputStream;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import th.ita.core.access.Role;
import th.ita.dashboards.port.Administration;
import th.ita.dashboards.web.PageError;
import th.ita.dashboards.web.Pages;
import th.ita.dashboards.web.Texts;

/**
 * Administration for tenant admins: users, API tokens, uploads with progress and their batch reports
 * (accepted, rejected, findings, the row errors with line and column), and the audit log. Every change
 * goes through the same services and audit as the API; every form carries the CSRF token.
 */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class AdminPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.of("Asia/Bangkok"));
    private static final int PAGE = 100;
    private final Pages pages;
    private final Administration administration;

    AdminPage(Pages pages, Administration administration) {
        this.pages = pages;
        this.administration = administration;
    }

    public record AdminView(List<Administration.User> users, List<Administration.Token> tokens, List<Administration.Batch> batches,
                            List<Administration.AuditEvent> audit, List<String> roles, String notice, String newToken) {
    }

    public record BatchReport(Administration.Batch batch, List<Administration.RowError> errors, List<Administration.Finding> findings,
                              int offset, boolean more, boolean alreadyLoaded) {
    }

    public static String time(java.time.Instant at) {
        return at == null ? "–" : TIME.format(at);
    }

    @Serdeable
    record UserForm(@Nullable String csrfToken, @Nullable String username, @Nullable String displayName, @Nullable String role,
                    @Nullable String password, @Nullable String provinces, @Nullable String organizationCode) {
    }

    @Serdeable
    record TokenForm(@Nullable String csrfToken, @Nullable String userId, @Nullable String name, @Nullable String days) {
    }

    @Serdeable
    record CsrfForm(@Nullable String csrfToken) {
    }

    @Get
    MutableHttpResponse<?> show(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @QueryValue String notice) {
        return pages.page(request, authentication, "admin", context -> view(context, noticeText(context.t(), notice), null));
    }

    private AdminView view(Pages.Context context, String notice, String newToken) {
        Authentication authentication = context.authentication();
        return new AdminView(administration.users(authentication), administration.tokens(authentication), administration.batches(authentication, 20),
                administration.audit(authentication, PAGE), Arrays.stream(Role.values()).map(Role::name).toList(), notice, newToken);
    }

    private static String noticeText(Texts t, String notice) {
        return notice == null || !notice.matches("[a-zA-Z]+") || !t.has("admin.notice." + notice) ? null : t.get("admin.notice." + notice);
    }

    @Post(value = "/users", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> createUser(HttpRequest<?> request, @Nullable Authentication authentication, @Body UserForm form) {
        return change(request, authentication, form.csrfToken(), context -> {
            Role role;
            try {
                role = Role.valueOf(form.role() == null ? "" : form.role());
            } catch (IllegalArgumentException e) {
                throw PageError.invalidInput("error.badRole", Arrays.toString(Role.values()));
            }
            List<String> provinces = form.provinces() == null || form.provinces().isBlank() ? List.of()
                    : Arrays.stream(form.provinces().split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
            administration.createUser(context.authentication(), new Administration.NewUser(form.username(), form.displayName(), role, form.password(),
                    provinces, form.organizationCode() == null || form.organizationCode().isBlank() ? null : form.organizationCode().strip()));
            return "userCreated";
        });
    }

    @Post(value = "/users/{id}/{action}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> setDisabled(HttpRequest<?> request, @Nullable Authentication authentication, @PathVariable long id,
                                       @PathVariable String action, @Nullable @Body CsrfForm form) {
        return change(request, authentication, form == null ? null : form.csrfToken(), context -> {
            if (!action.equals("disable") && !action.equals("enable")) {
                throw PageError.notFound("error.noAction", action);
            }
            administration.setDisabled(context.authentication(), id, action.equals("disable"));
            return action.equals("disable") ? "userDisabled" : "userEnabled";
        });
    }

    @Post(value = "/tokens", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> createToken(HttpRequest<?> request, @Nullable Authentication authentication, @Body TokenForm form) {
        if (authentication == null || !pages.csrfValid(request, form.csrfToken())) {
            return change(request, authentication, form.csrfToken(), context -> "");
        }
        // The token is shown on the answer itself, once: it is never stored in plain text, so no redirect may lose it.
        return pages.page(request, authentication, "admin", context -> {
            long userId = parse(form.userId(), "userId");
            int days = form.days() == null || form.days().isBlank() ? 90 : (int) parse(form.days(), "days");
            Administration.IssuedToken token = administration.createToken(context.authentication(), userId, form.name(), days);
            return view(context, context.t().get("admin.notice.tokenCreated"), token.token());
        });
    }

    @Post(value = "/tokens/{id}/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> revoke(HttpRequest<?> request, @Nullable Authentication authentication, @PathVariable long id, @Nullable @Body CsrfForm form) {
        return change(request, authentication, form == null ? null : form.csrfToken(), context -> {
            administration.revokeToken(context.authentication(), id);
            return "tokenRevoked";
        });
    }

    /**
     * An upload: with htmx the answer is the batch report fragment (the page shows the upload's progress
     * meanwhile); without script the browser lands on the batch's page. The body is streamed to the
     * platform's upload path, never bound by the framework: who may load is checked before it is read,
     * the CSRF token (htmx's header, else the form's field, which precedes the file) before a byte of
     * the file is written to disk, as are the format and encoding chosen.
     */
    @Post(value = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> upload(HttpRequest<?> request, @Nullable Authentication authentication, @Body InputStream body) {
        boolean htmx = request.getHeaders().contains("HX-Request");
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE, String.class).orElse("");
        boolean tokenInHeader = request.getHeaders().contains(pages.csrf().headerName());
        return pages.fragment(request, authentication, htmx ? "batchReport" : "batch", context -> {
            if (tokenInHeader && !pages.csrfValid(request, null)) {
                discard(body);
                throw PageError.forbidden("signin.stale");
            }
            Administration.Upload upload = administration.upload(context.authentication(), body, contentType, request.getContentLength(), fields -> {
                if (!tokenInHeader && !pages.csrfValid(request, fields.get(pages.csrf().fieldName()))) {
                    throw PageError.forbidden("signin.stale");
                }
            });
            return report(context.authentication(), upload.batch().id(), 0, upload.alreadyLoaded());
        });
    }

    /**
     * Reads a refused upload's body to nowhere: an HTTP/1.1 client sends the whole body before it reads
     * the answer, so one left unread would hold the connection until it times out. The framework's
     * {@code max-request-size} bounds it.
     */
    private static void discard(InputStream body) {
        byte[] buffer = new byte[64 * 1024];
        try {
            while (body.read(buffer) > 0) {
                // discarded
            }
        } catch (java.io.IOException ignored) {
            // The client went away: nothing to answer.
        }
    }

    @Get("/batches/{id}")
    MutableHttpResponse<?> batch(HttpRequest<?> request, @Nullable Authentication authentication, @PathVariable long id,
                                 @Nullable @QueryValue Integer offset) {
        return pages.page(request, authentication, "batch", context -> report(context.authentication(), id, offset == null ? 0 : Math.max(0, offset), false));
    }

    private BatchReport report(Authentication authentication, long id, int offset, boolean alreadyLoaded) {
        Administration.Batch batch = administration.batch(authentication, id);
        List<Administration.RowError> errors = administration.errors(authentication, id, offset, PAGE + 1);
        List<Administration.Finding> findings = administration.findings(authentication, id, 0, PAGE);
        return new BatchReport(batch, errors.subList(0, Math.min(PAGE, errors.size())), findings, offset, errors.size() > PAGE, alreadyLoaded);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static long parse(String value, String name) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw PageError.invalidInput("error.notNumber", name, value);
        }
    }

    /** A change: CSRF first, then the change, then back to the admin page with what happened (post, redirect, get). */
    private MutableHttpResponse<?> change(HttpRequest<?> request, Authentication authentication, String csrfToken,
                                          java.util.function.Function<Pages.Context, String> change) {
        if (authentication != null && !pages.csrfValid(request, csrfToken)) {
            return pages.page(request, authentication, "error", context -> {
                throw PageError.forbidden("signin.stale");
            });
        }
        String[] notice = new String[1];
        MutableHttpResponse<?> response = pages.page(request, authentication, "admin", context -> {
            notice[0] = change.apply(context);
            return view(context, noticeText(context.t(), notice[0]), null);
        });
        if (notice[0] != null && response.getStatus().getCode() == 200) {
            return HttpResponse.seeOther(URI.create("/admin?notice=" + notice[0]));
        }
        return response;
    }
}
