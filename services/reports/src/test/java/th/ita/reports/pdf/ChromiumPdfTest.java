package th.ita.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.ita.analytics.weakness.FindWeaknesses;
import th.ita.core.geography.Geography;
import th.ita.reports.SeedReports;
import th.ita.reports.ThaiDocumentText;
import th.ita.reports.analysis.AnalysisReport;
import th.ita.reports.analysis.AnalysisReportLayout;
import th.ita.reports.analysis.DraftAnalysisReport;
import th.ita.reports.document.Block;
import th.ita.reports.document.HtmlDocument;

/**
 * The PDF printed by Chromium gives back, through poppler's pdftotext, exactly the Thai text put in
 * (whitespace aside: pdftotext may add a space after a shifted tone mark). Pages are also rendered to
 * PNG under target/pdf-pages for a person to look at. Needs chromium and poppler-utils (.ci/run installs them).
 */
class ChromiumPdfTest {
    private static SeedReports seeds;

    @BeforeAll
    static void load(@TempDir Path directory) {
        seeds = new SeedReports(directory);
    }

    private static Optional<Path> chromium() {
        return ChromiumPdf.find(System.getenv("ITA_CHROMIUM"));
    }

    private static String run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
        return new String(output, StandardCharsets.UTF_8);
    }

    /** Whitespace removed; ำ and its two-part spelling (nikhahit + sara aa), which text layers give back, made one. */
    static String comparable(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\s+", "");
    }

    private static String firstDifference(String expected, String actual) {
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 60);
        return "first difference at " + i + ": expected …" + expected.substring(from, Math.min(expected.length(), i + 60))
                + "… but the PDF has …" + actual.substring(from, Math.min(actual.length(), i + 60)) + "…";
    }

    private static void printsAndReadsBack(String name, int year, boolean thaiDigits, String pagesName, @TempDir Path directory) throws Exception {
        Path browser = chromium().orElse(null);
        assumeThat(browser).as("chromium is installed").isNotNull();
        assumeThat(Files.isExecutable(Path.of("/usr/bin/pdftotext"))).as("poppler-utils is installed").isTrue();
        DraftAnalysisReport draft = new DraftAnalysisReport(Geography.bundled(), FindWeaknesses.Settings.DEFAULT, 0.5);
        AnalysisReport report = draft.draft(seeds.table(), seeds.index(name), year,
                new DraftAnalysisReport.Options(true, thaiDigits, LocalDate.of(2025, 12, 5)));
        List<Block> blocks = AnalysisReportLayout.blocks(report, new ThaiDocumentText(thaiDigits));

        byte[] pdf = new ChromiumPdf(browser, Duration.ofSeconds(90)).print(HtmlDocument.write(report.memo().subjectTh(), blocks));

        Path file = directory.resolve("report.pdf");
        Files.write(file, pdf);
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        Path pages = Path.of("target", "pdf-pages", pagesName);
        Files.createDirectories(pages);
        Files.write(pages.resolve("report.pdf"), pdf);
        run(directory, "pdftoppm", "-png", "-r", "60", file.toString(), pages.toAbsolutePath().resolve("page").toString());
        assertThat(pages.resolve("page-01.png")).exists();
        String extracted = comparable(run(directory, "pdftotext", "-raw", "-enc", "UTF-8", file.toString(), "-"));
        String expected = comparable(HtmlDocument.text(blocks));
        assertThat(extracted).as(() -> firstDifference(expected, extracted)).isEqualTo(expected);
    }

    @Test
    void printsSeed002sDraftWithItsThaiTextIntact(@TempDir Path directory) throws Exception {
        printsAndReadsBack("ม่วงยาย", 2568, false, "muangyai-2568", directory);
    }

    @Test
    void printsSeed004sDraftInThaiDigitsWithItsTextIntact(@TempDir Path directory) throws Exception {
        printsAndReadsBack("หนองเสม็ด", 2564, true, "nongsamet-2564", directory);
    }
}
