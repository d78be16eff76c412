package th.ita.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.ita.app.ingest.BatchView;
import th.ita.app.organization.OrganizationView;
import th.ita.app.organization.OrganizationYearView;

/** The first start on the embedded default loads the national demo dataset, every row of it. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDatasetIT implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("ita.data-directory", Files.createTempDirectory("ita-demo-it").toString(), "ita.demo.load-on-start", "true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> List<T> list(String path, Class<T> type) {
        return client.toBlocking().retrieve(HttpRequest.GET(path), Argument.listOf(type));
    }

    @Test
    void loadsTheNationalDemoDatasetWithoutRejectingARow() {
        List<BatchView> batches = list("/api/tenants/demo/batches", BatchView.class);

        assertThat(batches).singleElement().satisfies(batch -> {
            assertThat(batch.status()).isEqualTo("PUBLISHED");
            assertThat(batch.rowsRejected()).isZero();
            assertThat(batch.orgYears()).isGreaterThan(60_000);
            assertThat(batch.scoresAccepted()).isGreaterThan(1_200_000);
        });
        assertThat(list("/api/tenants/demo/organizations", OrganizationView.class)).hasSizeBetween(7_700, 8_000);
    }

    @Test
    void carriesSeed002sOrganizationWithItsPublishedResult() {
        OrganizationView muangYai = list("/api/tenants/demo/organizations?province=57", OrganizationView.class).stream()
                .filter(o -> o.fullNameTh().equals("เทศบาลตำบลม่วงยาย")).findFirst().orElseThrow();
        List<OrganizationYearView> years = list("/api/tenants/demo/organizations/" + muangYai.code() + "/years", OrganizationYearView.class);

        assertThat(years).extracting(OrganizationYearView::year).containsExactly(2561, 2562, 2563, 2564, 2565, 2566, 2567, 2568);
        OrganizationYearView year2568 = years.get(7);
        assertThat(year2568.level().nameTh()).isEqualTo("ผ่านดี");
        assertThat(year2568.scores()).filteredOn(s -> s.metric().equals("total")).singleElement()
                .satisfies(total -> assertThat(total.value()).isEqualTo(95.41));
        assertThat(year2568.findings()).isNotEmpty();
        assertThat(years.get(6).methodologyChanges()).isNotEmpty();
    }
}
