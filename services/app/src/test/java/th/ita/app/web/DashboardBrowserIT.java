package th.ita.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.ita.app.access.TestCallers;
import th.ita.app.access.TestTenant;
import th.ita.core.access.Role;

/**
 * The web UI in a real headless Chromium (Debian's chromium and chromedriver, never downloaded): signs in
 * as each role, opens every page, uses a filter, downloads an XLSX and a chart, and saves screenshots
 * under target/screenshots. In CI (CI=true) a browser that cannot start fails the build; elsewhere the
 * tests are skipped without one.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT implements TestPropertyProvider {
    private static final String TENANT = "browser-a";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestCallers callers;

    private Path downloads;

    @Override
    public Map<String, String> getProperties() {
        return TestTenant.properties("ita-browser");
    }

    @BeforeAll
    void setUp() throws IOException {
        String admin = callers.token(TENANT, "b-admin", Role.TENANT_ADMIN, List.of(), null);
        MultipartBody body = MultipartBody.builder().addPart("file", "scores.csv", MediaType.TEXT_CSV_TYPE,
                DashboardData.csv().getBytes(StandardCharsets.UTF_8)).build();
        client.toBlocking().exchange(HttpRequest.POST("/api/tenants/" + TENANT + "/batches", body).contentType(MediaType.MULTIPART_FORM_DATA).bearerAuth(admin));
        callers.token(TENANT, "b-analyst", Role.ANALYST, List.of(), null);
        callers.token(TENANT, "b-officer", Role.PROVINCE_OFFICER, List.of("เชียงราย"), null);
        callers.token(TENANT, "b-orguser", Role.ORGANIZATION_USER, List.of(), DashboardData.OWN);
        Files.createDirectories(SCREENSHOTS);
        downloads = Files.createTempDirectory("ita-downloads");
    }

    /** A fresh browser profile per person: nothing carries over between sessions. */
    private WebDriver browser(int width, int height) {
        File chromium = new File("/usr/bin/chromium");
        File driver = new File("/usr/bin/chromedriver");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!chromium.canExecute() || !driver.canExecute()) {
            if (ci) {
                throw new IllegalStateException("CI needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
            }
            Assumptions.abort("no Chromium here (install chromium and chromium-driver); browser tests skipped");
        }
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                    "--user-data-dir=" + Files.createTempDirectory("ita-chromium").toAbsolutePath(), "--lang=th-TH");
            Map<String, Object> preferences = new HashMap<>();
            preferences.put("download.default_directory", downloads.toAbsolutePath().toString());
            preferences.put("download.prompt_for_download", false);
            options.setExperimentalOption("prefs", preferences);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
            ChromeDriver chrome = new ChromeDriver(service, options);
            chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return chrome;
        } catch (IOException | RuntimeException e) {
            if (ci) {
                throw new IllegalStateException("the browser cannot start", e);
            }
            Assumptions.abort("the browser cannot start here: " + e.getMessage());
            return null;
        }
    }

    private String url(String path) {
        return server.getURI().resolve(path).toString();
    }

    private void signIn(WebDriver browser, String username) {
        browser.get(url("/sign-in"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(DashboardData.PASSWORD);
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("role")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("sign-in of " + username + " did not reach the home page; at " + browser.getCurrentUrl() + ":\n"
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private void screenshot(WebDriver browser, String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    /** The whole page's height, so a screenshot shows all of it. */
    private void fitHeight(WebDriver browser, int width) {
        Object height = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(width, Math.min(6000, ((Number) height).intValue() + 40)));
    }

    /** Charts load lazily: with the window as tall as the page, every one of them is in view and loads. */
    private static void awaitImages(WebDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> (Boolean) ((JavascriptExecutor) b).executeScript(
                "return Array.from(document.images).every(i => i.complete)"));
    }

    private static boolean imagesLoaded(WebDriver browser) {
        Object broken = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.images).filter(i => i.complete && i.naturalWidth === 0).map(i => i.src)");
        return ((List<?>) broken).isEmpty();
    }

    @Test
    void aNameUsedInTwoTenantsSignsInThroughTheTenantField() throws IOException {
        callers.token(TENANT, "b-twin", Role.ANALYST, List.of(), null);
        callers.token("browser-other", "b-twin", Role.PROVINCE_OFFICER, List.of("เชียงราย"), null);
        WebDriver browser = browser(1280, 900);
        try {
            browser.get(url("/sign-in"));
            assertThat(browser.findElement(By.cssSelector("label[for=tenant]")).getText()).isEqualTo("รหัสหน่วยงานผู้ใช้ระบบ");
            browser.findElement(By.id("username")).sendKeys("b-twin");
            browser.findElement(By.id("password")).sendKeys(DashboardData.PASSWORD);
            browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("signin-error")));
            assertThat(browser.findElement(By.id("signin-error")).getText()).isEqualTo("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง");

            browser.findElement(By.id("password")).sendKeys(DashboardData.PASSWORD);
            browser.findElement(By.id("tenant")).sendKeys("browser-other");
            screenshot(browser, "sign-in-tenant");
            browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("role")));
            assertThat(browser.findElement(By.id("role")).getText()).isEqualTo("เจ้าหน้าที่จังหวัด");
        } finally {
            browser.quit();
        }
    }

    @Test
    void anOrganizationUserSignsInAndReadsTheirOwnPageInThai() throws IOException {
        WebDriver browser = browser(1280, 900);
        try {
            signIn(browser, "b-orguser");
            assertThat(browser.findElement(By.id("role")).getText()).isEqualTo("ผู้ใช้ของหน่วยงาน");
            screenshot(browser, "home-organization-user");
            browser.findElement(By.cssSelector("a[href='/organizations/" + DashboardData.OWN + "'].button")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("rank-text")));
            assertThat(browser.findElement(By.id("rank-text")).getText()).startsWith("ลำดับที่ ").endsWith("อปท. ในจังหวัดเชียงราย");
            assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("95.41");
            fitHeight(browser, 1280);
            awaitImages(browser);
            assertThat(imagesLoaded(browser)).as("every chart image loads through the session cookie").isTrue();
            screenshot(browser, "organization-page");
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.navigate().refresh();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("rank-text")));
            Object overflow = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
            assertThat(overflow).as("no sideways scrolling of the page at phone width").isEqualTo(false);
            screenshot(browser, "organization-page-phone");
        } finally {
            browser.quit();
        }
    }

    @Test
    void theLanguageSwitchShowsThePageInEnglish() throws IOException {
        WebDriver browser = browser(1280, 900);
        try {
            signIn(browser, "b-officer");
            browser.findElement(By.cssSelector("a[lang=en]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.id("role"), "Province officer"));
            browser.get(url("/organizations/" + DashboardData.TOOL_FAILED));
            assertThat(browser.findElement(By.id("level")).getText()).isEqualTo("Pass");
            assertThat(browser.findElement(By.id("level-reason")).getText()).contains("EIT");
            screenshot(browser, "organization-page-english");
            browser.get(url("/organizations/" + DashboardData.FAR));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aChartDownloadsAsAFileWithItsName() throws IOException, InterruptedException {
        WebDriver browser = browser(1280, 900);
        try {
            signIn(browser, "b-analyst");
            browser.get(url("/organizations/" + DashboardData.OWN + "?year=2568"));
            WebElement png = browser.findElement(By.cssSelector("#trend-chart .downloads a[href^='/charts/trend.png']"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", png);
            png.click();
            Path file = awaitDownload(".png");
            assertThat(Files.readAllBytes(file)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        } finally {
            browser.quit();
        }
    }

    private Path awaitDownload(String suffix) throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + suffix + " file downloaded into " + downloads);
    }

    static Select select(WebDriver browser, String id) {
        return new Select(browser.findElement(By.id(id)));
    }

    @Test
    void anOfficerFiltersTheProvinceTableAndDownloadsItAsXlsx() throws IOException, InterruptedException {
        WebDriver browser = browser(1400, 900);
        try {
            signIn(browser, "b-officer");
            browser.findElement(By.cssSelector("a.button[href='/provinces/57']")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("lao")));
            assertThat(browser.findElements(By.cssSelector("#lao tbody tr"))).hasSize(6);
            fitHeight(browser, 1400);
            awaitImages(browser);
            assertThat(imagesLoaded(browser)).isTrue();
            screenshot(browser, "province-page");
            browser.manage().window().setSize(new Dimension(1400, 900));
            WebElement dropped = browser.findElement(By.id("f-dropped"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", dropped);
            dropped.click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.findElements(By.cssSelector("#lao tbody tr")).size() == 3);
            assertThat(browser.getCurrentUrl()).contains("dropped=on");
            select(browser, "f-level").selectByValue("URGENT");
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.findElements(By.cssSelector("#lao tbody tr")).size() == 1);
            assertThat(browser.findElement(By.cssSelector("#lao tbody tr")).getAttribute("data-code")).isEqualTo(DashboardData.BELOW_PASS);
            screenshot(browser, "province-filtered");
            // Sorting by the total (a button in the header) puts the lowest first.
            select(browser, "f-level").selectByValue("");
            WebElement droppedAgain = browser.findElement(By.id("f-dropped"));
            droppedAgain.click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.findElements(By.cssSelector("#lao tbody tr")).size() == 6);
            browser.findElement(By.xpath("//table[@id='lao']//th[5]/button")).click();
            assertThat(browser.findElement(By.cssSelector("#lao tbody tr")).getAttribute("data-code")).isEqualTo(DashboardData.BELOW_PASS);
            browser.findElement(By.id("province-xlsx")).click();
            Path xlsx = awaitDownload(".xlsx");
            assertThat(xlsx.getFileName().toString()).isEqualTo("province-57-2568.xlsx");
            assertThat(Files.readAllBytes(xlsx)).startsWith((byte) 'P', (byte) 'K');
        } finally {
            browser.quit();
        }
    }

    @Test
    void anAdminUploadsAFileAndReadsItsRowErrorsThenAnAnalystCompares() throws IOException {
        WebDriver browser = browser(1280, 900);
        try {
            signIn(browser, "b-admin");
            browser.get(url("/admin"));
            Path file = Files.createTempFile("scores", ".csv");
            Files.writeString(file, "organization_code,year,metric,value\n5705006,2566,total,88.10\n5705006,2566,ind1,120\n", StandardCharsets.UTF_8);
            browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#upload-result #row-errors")));
            assertThat(browser.findElement(By.cssSelector("#row-errors tbody tr")).getText()).contains("3").contains("120");
            screenshot(browser, "admin-upload-report");
            browser.get(url("/admin"));
            fitHeight(browser, 1280);
            screenshot(browser, "admin-page");
        } finally {
            browser.quit();
        }
        WebDriver analyst = browser(1280, 900);
        try {
            signIn(analyst, "b-analyst");
            analyst.get(url("/analysis"));
            analyst.findElement(By.id("codes")).sendKeys(DashboardData.OWN + ", " + DashboardData.DROPPED);
            select(analyst, "provinces").selectByValue("57");
            analyst.findElement(By.id("nation")).click();
            analyst.findElement(By.cssSelector("#analysis-form button[type=submit]")).click();
            new WebDriverWait(analyst, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("comparison")));
            assertThat(analyst.findElements(By.cssSelector("#comparison tbody tr"))).hasSize(4);
            fitHeight(analyst, 1280);
            screenshot(analyst, "analysis-workspace");
        } finally {
            analyst.quit();
        }
    }
}
