package th.ita.app.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import th.ita.analytics.table.ScoreTable;
import th.ita.analytics.trend.Movers;
import th.ita.app.access.Caller;
import th.ita.app.access.ScopedData;
import th.ita.app.analytics.AnalyticsViews.MoveView;
import th.ita.app.analytics.AnalyticsViews.MoversView;
import th.ita.app.export.CsvExport;
import th.ita.app.export.ExportPolicy;
import th.ita.app.validation.BuddhistYear;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Framework;
import th.ita.core.geography.Geography;
import th.ita.core.geography.Province;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.message.Messages;
import th.ita.core.organization.Organization;
import th.ita.core.score.Scores;

/** The biggest risers and fallers since the year before; definitions on {@link Movers}. */
@Controller("/api/tenants/{tenant}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class MoversController {
    private final ScopedData data;
    private final Geography geography;
    private final ExportPolicy exports;

    MoversController(ScopedData data, Geography geography, ExportPolicy exports) {
        this.data = data;
        this.geography = geography;
        this.exports = exports;
    }

    /** The biggest risers and fallers since the year before (1–100 of each, default 10), of a province or of every organization the caller may see. */
    @Get("/movers")
    MoversView movers(Caller caller, @Nullable Language lang, @PathVariable String tenant, @BuddhistYear int year,
                      @Nullable @QueryValue @Size(max = 100) String province,
                      @QueryValue(defaultValue = "total") @NotBlank @Size(max = 100) String metric,
                      @QueryValue(defaultValue = "10") @Min(1) @Max(100) int limit) {
        Language language = lang == null ? Language.TH : lang;
        ScopedData.Reads reads = data.of(caller, tenant);
        String code = reads.aggregateMetric(year, metric);
        ScoreTable table = reads.table();
        Province group = province == null ? null : province(province);
        int[] members = group == null ? reads.visibleMembers(table) : reads.provinceMembers(table, group.code());
        Movers.Result result = Movers.of(table, year, code, members, limit);
        Framework framework = table.framework(year).orElse(null);
        String metricName = framework == null ? code : framework.metric(code).map(m -> language == Language.EN ? m.nameEn() : m.nameTh()).orElse(code);
        List<String> notes = result.methodologyBreak() && framework != null
                ? framework.methodologyChanges().stream().map(change -> language == Language.EN ? change.en() : change.th()).toList()
                : List.of();
        String groupName = group == null ? Messages.standard().render("movers.nation", language) : language == Language.EN ? group.nameEn() : group.nameTh();
        return new MoversView(year, code, metricName, groupName, result.methodologyBreak(), notes,
                moves(result.risers(), language), moves(result.fallers(), language));
    }

    /** Risers then fallers as a CSV download, direction in the caller's language (analysts and tenant admins; audited). */
    @Get("/movers.csv")
    HttpResponse<byte[]> moversCsv(Caller caller, @Nullable Language lang, @PathVariable String tenant, @BuddhistYear int year,
                                   @Nullable @QueryValue @Size(max = 100) String province,
                                   @QueryValue(defaultValue = "total") @NotBlank @Size(max = 100) String metric,
                                   @QueryValue(defaultValue = "10") @Min(1) @Max(100) int limit) {
        return exports.ofGroup(data.of(caller, tenant), Message.of("audit.target.movers"), year + " " + metric + (province == null ? "" : " " + province),
                () -> moversFile(caller, lang, tenant, year, province, metric, limit));
    }

    private HttpResponse<byte[]> moversFile(Caller caller, Language lang, String tenant, int year, String province, String metric, int limit) {
        MoversView movers = movers(caller, lang, tenant, year, province, metric, limit);
        List<List<Object>> rows = new ArrayList<>();
        for (List<MoveView> moves : List.of(movers.risers(), movers.fallers())) {
            for (MoveView m : moves) {
                rows.add(Arrays.asList(m.directionText(), CsvExport.text(m.code()), CsvExport.text(m.nameTh()), CsvExport.text(m.provinceCode()),
                        m.before(), m.after(), m.change()));
            }
        }
        return CsvExport.of("movers-" + year + "-" + movers.metric() + ".csv", lang,
                List.of("direction", "code", "name_th", "province_code", "before", "after", "change"), rows);
    }

    private List<MoveView> moves(List<Movers.Move> moves, Language language) {
        Messages messages = Messages.standard();
        return moves.stream().map(m -> {
            Organization organization = m.organization();
            String name = language == Language.EN && organization.nameEn() != null && !organization.nameEn().isBlank()
                    ? organization.nameEn() + " (" + organization.type().nameEn() + ")" : organization.fullNameTh();
            Province province = geography.provinceByCode(organization.provinceCode()).orElse(null);
            String provinceName = province == null ? organization.provinceCode() : language == Language.EN ? province.nameEn() : province.nameTh();
            String change = (m.change() > 0 ? "+" : "") + Scores.format(m.change());
            return new MoveView(organization.code(), organization.fullNameTh(), name, organization.provinceCode(), provinceName,
                    m.before(), m.after(), m.change(), m.direction().name(), messages.render("movers.direction." + m.direction().name(), language),
                    messages.render(Message.of("movers.summary", "name", name, "before", m.before(), "after", m.after(), "change", change), language));
        }).toList();
    }

    private Province province(String province) {
        return geography.province(province).orElseThrow(() -> ItaException.notFound(Message.of("problem.provinceNotFound", "province", province)));
    }
}
