package th.ita.app.report;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The report printer of an installation ({@code ita.reports.*}): the Chromium to print PDFs with (empty:
 * the first of /usr/bin/chromium, chromium-browser, google-chrome) and how long one print may take.
 */
@ConfigurationProperties("ita.reports")
public record ReportSettings(@Nullable String chromium, @Bindable(defaultValue = "60s") Duration pdfTimeout) {
}
