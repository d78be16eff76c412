package th.ita.app.report;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import th.ita.analytics.table.ScoreTable;
import th.ita.analytics.weakness.FindWeaknesses;
import th.ita.app.access.ScopedData;
import th.ita.app.analytics.AnalyticsSettings;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.geography.Geography;
import th.ita.core.organization.Organization;
import th.ita.reports.ThaiDocumentText;
import th.ita.reports.analysis.AnalysisReport;
import th.ita.reports.analysis.AnalysisReportLayout;
import th.ita.reports.analysis.DraftAnalysisReport;
import th.ita.reports.document.Block;
import th.ita.reports.document.DocxDocument;
import th.ita.reports.document.HtmlDocument;
import th.ita.reports.pdf.ChromiumPdf;
import th.ita.core.message.Message;

/**
 * The analysis report drafts of the caller's organizations: the model from the tenant's score table,
 * written as DOCX or printed to PDF. Scope is the organization's own detail, checked through ScopedData.
 */
@Singleton
public class AnalysisReports {
    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private final DraftAnalysisReport draft;
    private final ReportSettings settings;

    AnalysisReports(Geography geography, AnalyticsSettings analytics, ReportSettings settings) {
        this.draft = new DraftAnalysisReport(geography, new FindWeaknesses.Settings(analytics.weaknessThreshold(), analytics.strengthLevel(),
                analytics.belowMedianMargin()), analytics.closeCallMargin());
        this.settings = settings;
    }

    /** How a draft is asked for. */
    public record Request(int year, boolean thaiDigits, boolean charts) {
    }

    /** A written draft: its bytes, media type and a file name. */
    public record Document(byte[] bytes, String mediaType, String fileName) {
    }

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String PDF = "application/pdf";

    /** The organization a caller may draft for: in scope (else 404) and its detail visible (else 403). */
    public Organization subject(ScopedData.Reads reads, String code) {
        Organization organization = reads.organization(code);
        reads.requireDetail(organization);
        return organization;
    }

    public AnalysisReport model(ScopedData.Reads reads, Organization organization, Request request) {
        ScoreTable table = reads.table();
        int index = table.indexOf(organization.id()).orElseThrow(() -> ItaException.notFound(organization.fullNameTh() + " has no scores yet"));
        return model(table, index, request);
    }

    /** The draft of the organization at {@code index} of a table (already scoped by the caller). */
    public AnalysisReport model(ScoreTable table, int index, Request request) {
        return draft.draft(table, index, request.year(),
                new DraftAnalysisReport.Options(request.charts(), request.thaiDigits(), LocalDate.now(BANGKOK)));
    }

    public Document docx(AnalysisReport report, Request request) {
        return docx(AnalysisReportLayout.blocks(report, new ThaiDocumentText(request.thaiDigits())), fileName(report, "docx"));
    }

    public Document pdf(AnalysisReport report, Request request) {
        return pdf(report.memo().subjectTh(), AnalysisReportLayout.blocks(report, new ThaiDocumentText(request.thaiDigits())), fileName(report, "pdf"));
    }

    public Document docx(List<Block> blocks, String fileName) {
        return new Document(DocxDocument.write(blocks), DOCX, fileName);
    }

    /** Whether this installation prints PDFs (Chromium is installed). */
    public boolean printsPdf() {
        return ChromiumPdf.find(settings.chromium()).isPresent();
    }

    /** Blocks printed by Chromium; 503 where it is not installed. */
    public Document pdf(String title, List<Block> blocks, String fileName) {
        ChromiumPdf printer = ChromiumPdf.find(settings.chromium()).map(path -> new ChromiumPdf(path, settings.pdfTimeout()))
                .orElseThrow(() -> new ItaException(ErrorCode.STORAGE_UNAVAILABLE,
                        "PDF reports need Chromium, which is not installed here: download the DOCX, or install chromium (see services/reports/README.md)"));
        return new Document(printer.print(HtmlDocument.write(title, blocks)), PDF, fileName);
    }

    /** The {@code digits} of a request: thai or arabic. */
    public static boolean thaiDigits(String digits) {
        return switch (digits) {
            case "thai" -> true;
            case "arabic" -> false;
            default -> throw ItaException.invalidInput(Message.of("problem.invalidField", "field", "digits", "value", digits,
                    "reason", Message.of("validation.oneOf", "values", "thai, arabic")));
        };
    }

    static String fileName(AnalysisReport report, String extension) {
        return "analysis-" + report.organizationCode().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + report.year() + "." + extension;
    }
}
