package th.ita.app.chart;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.security.authentication.Authentication;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.ita.app.access.Caller;
import th.ita.app.audit.AuditLog;
import th.ita.app.error.Problem;
import th.ita.app.message.RequestLanguage;
import th.ita.app.web.ClientAddress;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.message.Messages;
import th.ita.core.tenant.TenantId;

/**
 * A rate limit per caller in front of every route that draws: the API's charts, the web UI's chart files, analysis
 * drafts and packs. Each caller has a token bucket ({@link CallerBuckets}, {@code ita.charts.rate-limit.*}): a chart
 * costs one token, a draft or a pack {@code document-cost}; with too few tokens the answer is 429 Too Many Requests,
 * problem+json, with Retry-After in the seconds until enough tokens are back. The caller is the signed-in user (tenant
 * and user: the user's sessions and API tokens share one budget, so signing in again buys nothing); a request with
 * nobody signed in is counted by its client address as the sign-in throttle sees it ({@link ClientAddress}: a
 * trusted proxy's X-Forwarded-For). The drawing routes need a signed-in caller today, so the security filter answers
 * those 401 first; the address keeps the limit in place for any drawing route opened to anonymous callers.
 * <p>The check runs right after authentication and before the route, on the event loop: a refusal costs a map look-up
 * and a short answer — no data read, no ETag, no drawing, no thread of the blocking pool. A chart answered without
 * drawing (304 Not Modified, or from the cache of drawings) gives back all but {@code cached-cost} of its token, so
 * a browser revalidating a page's charts costs a quarter of drawing them; a caller still needs a whole token to ask.
 * <p>Refusals are not audited one by one (a flood of them would become a flood of audit rows): once a minute one log
 * line sums them up, and each signed-in caller refused in that minute gets one audit row (RATE_LIMITED) with its count.
 */
@ServerFilter({"/api/tenants/*/charts/**", "/charts/**", "/api/tenants/*/organizations/*/reports/*", "/exports/*/*/pack.zip"})
class ChartRateLimit implements Ordered {
    /** Set by a chart route on its request when the chart it answers was not drawn for it (from the cache of drawings). */
    static final String DREW_NOTHING = "ita.charts.drew-nothing";
    static final String RATE_LIMITED = "RATE_LIMITED";
    private static final String CHARGED = "ita.charts.rate-limit.charged";
    private static final int REPORTED_CALLERS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ChartRateLimit.class);
    private final ChartRateLimitSettings settings;
    private final CallerBuckets buckets;
    private final ClientAddress clients;
    private final AuditLog audit;
    private final Map<String, Refusals> refusals = new ConcurrentHashMap<>();
    private final AtomicLong refusedUnreported = new AtomicLong();

    /** A caller charged for this request, and how much. */
    private record Charged(String caller, double cost) {
    }

    /** The refusals of one caller since the last report; tenant and user only for a signed-in caller. */
    private record Refusals(@Nullable TenantId tenant, @Nullable String user, LongAdder count) {
    }

    ChartRateLimit(ChartRateLimitSettings settings, ClientAddress clients, AuditLog audit) {
        this.settings = settings;
        this.buckets = new CallerBuckets(new CallerBuckets.Settings(settings.perSecond(), settings.burst(), settings.callers()), Clock.systemUTC());
        this.clients = clients;
        this.audit = audit;
    }

    @Override
    public int getOrder() {
        // After the security filter (the caller is known), before anything reads data.
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> admit(HttpRequest<?> request) {
        if (!settings.enabled()) {
            return null;
        }
        Caller caller = request.getUserPrincipal(Authentication.class).map(a -> a.getAttributes().get(Caller.ATTRIBUTE))
                .filter(Caller.class::isInstance).map(Caller.class::cast).orElse(null);
        String key = caller != null ? "user " + caller.scope().tenant().value() + " " + caller.userId() : "address " + clients.of(request);
        double cost = document(request.getPath()) ? settings.documentCost() : 1;
        CallerBuckets.Outcome outcome = buckets.take(key, cost);
        if (outcome.taken()) {
            request.setAttribute(CHARGED, new Charged(key, cost));
            return null;
        }
        tally(key, caller);
        Language language = RequestLanguage.of(request);
        String detail = Messages.standard().render(Message.of("problem.chartsRateLimited", "seconds", outcome.retryAfterSeconds(),
                "perSecond", plain(settings.perSecond()), "burst", plain(settings.burst())), language);
        return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).contentType(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(outcome.retryAfterSeconds()))
                .body(Problem.of(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS", detail, request.getPath(), language));
    }

    @ResponseFilter
    void settle(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(CHARGED, Charged.class).ifPresent(charged -> {
            boolean drewNothing = response.code() == HttpStatus.NOT_MODIFIED.getCode()
                    || response.code() == HttpStatus.OK.getCode() && request.getAttribute(DREW_NOTHING, Boolean.class).orElse(false);
            if (charged.cost() == 1 && drewNothing) {
                buckets.giveBack(charged.caller(), 1 - settings.cachedCost());
            }
        });
    }

    /** Drafts and packs: several charts (and a document) each. */
    private static boolean document(String path) {
        return path.endsWith("/pack.zip") || path.contains("/reports/");
    }

    private void tally(String key, @Nullable Caller caller) {
        Refusals counted = refusals.get(key);
        if (counted == null && refusals.size() < REPORTED_CALLERS) {
            counted = refusals.computeIfAbsent(key, k -> caller == null ? new Refusals(null, null, new LongAdder())
                    : new Refusals(caller.scope().tenant(), caller.username(), new LongAdder()));
        }
        if (counted == null) {
            refusedUnreported.incrementAndGet();
        } else {
            counted.count().increment();
        }
    }

    /** Once a minute: the refusals since the last report, as one log line and one audit row per signed-in caller refused. */
    @Scheduled(initialDelay = "1m", fixedDelay = "1m")
    void report() {
        Map<String, Long> counts = new java.util.HashMap<>();
        for (String key : refusals.keySet()) {
            Refusals counted = refusals.remove(key);
            if (counted == null) {
                continue;
            }
            long count = counted.count().sum();
            counts.put(key, count);
            if (counted.tenant() != null) {
                audit.record(counted.tenant(), counted.user(), RATE_LIMITED, Message.of("audit.target.charts"),
                        Message.of("audit.detail.rateLimited", "count", count, "perSecond", plain(settings.perSecond()), "burst", plain(settings.burst())));
            }
        }
        long unreported = refusedUnreported.getAndSet(0);
        if (counts.isEmpty() && unreported == 0) {
            return;
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum() + unreported;
        String most = counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(5)
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
        LOG.warn("chart rate limit: {} requests refused within a minute, from {} callers{}; most: {}; {} callers remembered, {} dropped before full",
                total, counts.size(), unreported == 0 ? "" : " and more", most, buckets.size(), buckets.droppedBeforeFull());
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
