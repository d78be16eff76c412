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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import th.ita.analytics.summary.SummarizeGroup;
import th.ita.analytics.table.ScoreTable;
import th.ita.analytics.weakness.CountWeakIndicators;
import th.ita.app.access.Caller;
import th.ita.app.access.ScopedData;
import th.ita.app.export.ExportPolicy;
import th.ita.app.analytics.AnalyticsViews.IndicatorWeaknessView;
import th.ita.app.analytics.AnalyticsViews.ProvinceSummaryView;
import th.ita.app.analytics.AnalyticsViews.SummaryView;
import th.ita.app.export.CsvExport;
import th.ita.app.validation.BuddhistYear;
import th.ita.core.error.ItaException;
import th.ita.core.geography.Geography;
import th.ita.core.geography.Province;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.message.Messages;

/**
 * Provinces compared: the summary of one province or of every province side by side, and which
 * indicators a province's organizations are weak in. Definitions on {@link SummarizeGroup} and {@link CountWeakIndicators}.
 */
@Controller("/api/tenants/{tenant}/provinces")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ProvinceAnalyticsController {
    private final ScopedData data;
    private final Geography geography;
    private final ExportPolicy exports;
    private final AnalyticsSettings settings;

    ProvinceAnalyticsController(ScopedData data, Geography geography, ExportPolicy exports, AnalyticsSettings settings) {
        this.data = data;
        this.geography = geography;
        this.exports = exports;
        this.settings = settings;
    }

    /**
     * Count, mean, median (Excel MEDIAN), quartiles (Excel QUARTILE.INC), min, max, standard deviation
     * (Excel STDEV.S), share at or above 85 and, on the total, the level distribution of one province.
     */
    @Get("/{province}/summary")
    SummaryView provinceSummary(Caller caller, @Nullable Language lang, @PathVariable String tenant, @PathVariable @Size(max = 100) String province,
                                @BuddhistYear int year, @QueryValue(defaultValue = "total") @NotBlank @Size(max = 100) String metric) {
        ScopedData.Reads reads = data.of(caller, tenant);
        String code = reads.aggregateMetric(year, metric);
        ScoreTable table = reads.table();
        return ViewsOf.summary(SummarizeGroup.of(table, year, code, reads.provinceMembers(table, province(province).code())), table, lang);
    }

    /** Every province the caller may see, side by side, and the whole tenant ("nation", code 00) last. */
    @Get("/summary")
    List<ProvinceSummaryView> provincesCompared(Caller caller, @Nullable Language lang, @PathVariable String tenant, @BuddhistYear int year,
                                                @QueryValue(defaultValue = "total") @NotBlank @Size(max = 100) String metric) {
        ScopedData.Reads reads = data.of(caller, tenant);
        String code = reads.aggregateMetric(year, metric);
        ScoreTable table = reads.table();
        int[] visible = reads.visibleMembers(table);
        List<ProvinceSummaryView> summaries = new ArrayList<>();
        for (Province province : geography.provinces()) {
            int[] members = Arrays.stream(visible).filter(i -> table.organization(i).provinceCode().equals(province.code())).toArray();
            if (members.length > 0) {
                summaries.add(new ProvinceSummaryView(province.code(), province.nameTh(), province.nameEn(),
                        lang == Language.EN ? province.nameEn() : province.nameTh(), ViewsOf.summary(SummarizeGroup.of(table, year, code, members), table, lang)));
            }
        }
        Messages messages = Messages.standard();
        summaries.add(new ProvinceSummaryView("00", messages.render("movers.nation", Language.TH), messages.render("movers.nation", Language.EN),
                messages.render("movers.nation", lang), ViewsOf.summary(SummarizeGroup.of(table, year, code, visible), table, lang)));
        return summaries;
    }

    /** The provinces compared, as a CSV download (analysts and tenant admins; audited). */
    @Get("/summary.csv")
    HttpResponse<byte[]> provincesComparedCsv(Caller caller, @Nullable Language lang, @PathVariable String tenant, @BuddhistYear int year,
                                              @QueryValue(defaultValue = "total") @NotBlank @Size(max = 100) String metric) {
        return exports.ofGroup(data.of(caller, tenant), Message.of("audit.target.provinceSummaries"), year + " " + metric, () -> provincesComparedFile(caller, lang, tenant, year, metric));
    }

    private HttpResponse<byte[]> provincesComparedFile(Caller caller, Language lang, String tenant, int year, String metric) {
        List<List<Object>> rows = new ArrayList<>();
        for (ProvinceSummaryView p : provincesCompared(caller, lang, tenant, year, metric)) {
            SummaryView s = p.summary();
            rows.add(Arrays.asList(CsvExport.text(p.provinceCode()), CsvExport.text(p.provinceTh()), CsvExport.text(p.provinceEn()), s.year(),
                    CsvExport.text(s.metric()), s.count(), s.mean(), s.median(), s.firstQuartile(), s.thirdQuartile(), s.min(), s.max(),
                    s.standardDeviation(), s.shareAtLeast85()));
        }
        return CsvExport.of("provinces-" + year + "-" + metric + ".csv", lang, List.of("province_code", "province_th", "province_en", "year", "metric",
                "count", "mean", "median", "q1", "q3", "min", "max", "stdev", "share_at_least_85"), rows);
    }

    /** For each indicator of the year's framework, how many organizations of the province are below the weakness threshold (default 85) in it, and which. */
    @Get("/{province}/weaknesses")
    List<IndicatorWeaknessView> provinceWeaknesses(Caller caller, @Nullable Language lang, @PathVariable String tenant,
                                                   @PathVariable @Size(max = 100) String province, @BuddhistYear int year) {
        ScopedData.Reads reads = data.of(caller, tenant);
        reads.requirePeerDetail();
        ScoreTable table = reads.table();
        int[] members = reads.provinceMembers(table, province(province).code());
        if (table.framework(year).isEmpty()) {
            throw ItaException.notFound(Message.of("problem.noScoresInYear", "year", year));
        }
        return settings.countWeakIndicators().count(table, year, members).stream().map(weak -> new IndicatorWeaknessView(
                weak.indicator().code(), weak.indicator().nameTh(), weak.indicator().nameEn(),
                lang == Language.EN ? weak.indicator().nameEn() : weak.indicator().nameTh(), weak.weakCount(), weak.scoredCount(),
                weak.weakOrganizationIds().stream().map(id -> table.organization(table.indexOf(id).orElseThrow()).code()).toList())).toList();
    }

    /** The province's weaknesses by indicator as a CSV download: one row per weak organization and indicator. */
    @Get("/{province}/weaknesses.csv")
    HttpResponse<byte[]> provinceWeaknessesCsv(Caller caller, @Nullable Language lang, @PathVariable String tenant,
                                               @PathVariable @Size(max = 100) String province, @BuddhistYear int year) {
        return exports.ofGroup(data.of(caller, tenant), Message.of("audit.target.provinceWeaknesses"), province + " " + year,
                () -> provinceWeaknessesFile(caller, lang, tenant, province, year));
    }

    private HttpResponse<byte[]> provinceWeaknessesFile(Caller caller, Language lang, String tenant, String province, int year) {
        List<List<Object>> rows = new ArrayList<>();
        for (IndicatorWeaknessView indicator : provinceWeaknesses(caller, lang, tenant, province, year)) {
            for (String organization : indicator.organizations()) {
                rows.add(Arrays.asList(CsvExport.text(indicator.indicator()), CsvExport.text(indicator.name()), CsvExport.text(organization)));
            }
        }
        return CsvExport.of("weaknesses-" + province + "-" + year + ".csv", lang, List.of("indicator", "indicator_name", "organization_code"), rows);
    }

    private Province province(String province) {
        return geography.province(province).orElseThrow(() -> ItaException.notFound(Message.of("problem.provinceNotFound", "province", province)));
    }
}
