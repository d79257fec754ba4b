package dev.quorum.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.test.Api;
import dev.quorum.test.Fixtures;
import dev.quorum.test.QuorumTest;
import dev.quorum.test.Unique;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A customer creates a classification project with quality settings (a mistake first) and imports a
 * file through the console.
 */
@QuorumTest
@Tag("browser")
class ConsoleBrowserTest {

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @TempDir Path files;

  WebDriver browser;

  @BeforeEach
  void open() {
    browser = Browser.start();
  }

  @AfterEach
  void close() {
    browser.quit();
  }

  @Test
  void shouldCreateAProjectAndImportTasksShowingTheBadLines() throws Exception {
    Api api = new Api(client);
    Fixtures fixtures = new Fixtures(api);
    Fixtures.Customer customer = fixtures.customer();
    String email = Unique.email("console");
    api.post(
        "/api/v1/orgs/" + customer.orgId() + "/users",
        customer.apiKey(),
        Map.of("email", email, "password", "console-password", "name", "Console User"));

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get(server.getURL() + "/login");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys("console-password");
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("open-console"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("new-project"))).click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("project-name")))
        .sendKeys("Spam or not");
    new Select(browser.findElement(By.id("project-kind"))).selectByValue("classification");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("project-labels")))
        .sendKeys("spam, ham");
    // Only this test's annotators may see its tasks: other tests share the database.
    browser.findElement(By.id("project-languages")).sendKeys(Fixtures.isolatedLanguage());

    // Quality settings are folded away; opened, they offer the classification gold rule.
    assertThat(browser.findElements(By.id("quality-audit-rate"))).isEmpty();
    browser.findElement(By.id("quality-toggle")).click();
    WebElement auditRate =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quality-audit-rate")));
    assertThat(browser.findElements(By.id("quality-pairwise-ties"))).isEmpty();
    new Select(browser.findElement(By.id("quality-classification-match"))).selectByValue("overlap");
    auditRate.sendKeys("1.5");
    browser.findElement(By.id("project-submit")).click();
    assertThat(
            wait.until(
                    ExpectedConditions.visibilityOfElementLocated(
                        By.id("quality-audit-rate-error")))
                .getText())
        .isEqualTo("must be between 0 and 1");
    assertThat(browser.findElement(By.id("form-error")).getText())
        .isEqualTo("quality.auditRate: must be between 0 and 1");
    assertThat(auditRate.getDomAttribute("aria-invalid")).isEqualTo("true");
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].scrollIntoView(true); window.scrollBy(0, -60)",
            browser.findElement(By.id("quality-settings")));
    Browser.screenshot(browser, "console-form-quality");
    auditRate.sendKeys(Keys.chord(Keys.CONTROL, "a"));
    auditRate.sendKeys("0.25");
    browser.findElement(By.id("project-submit")).click();

    String title =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("project-title"))).getText();
    assertThat(title).contains("Spam or not");
    // Only what was set went out; the server filled in the rest.
    String projectId =
        browser.findElement(By.cssSelector("main.console-page")).getDomAttribute("data-project-id");
    @SuppressWarnings("unchecked")
    Map<String, Object> quality =
        (Map<String, Object>)
            api.get("/api/v1/projects/" + projectId, customer.apiKey()).body().get("quality");
    assertThat(quality)
        .containsEntry("auditRate", 0.25)
        .containsEntry("classificationMatch", "overlap")
        .containsEntry("trustThreshold", 0.7);
    assertThat(quality.get("qualification")).isNull();

    Path upload = files.resolve("tasks.jsonl");
    Files.writeString(
        upload,
        "{\"externalId\":\"c1\",\"data\":{\"text\":\"win a prize\"}}\n"
            + "{\"externalId\":\"c2\",\"data\":{\"txt\":\"typo\"}}\n"
            + "{\"externalId\":\"c3\",\"data\":{\"text\":\"see you at lunch\"}}\n");
    browser.findElement(By.id("import-file")).sendKeys(upload.toAbsolutePath().toString());
    browser.findElement(By.id("import-submit")).click();

    String errors =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-errors"))).getText();
    assertThat(errors).contains("2").contains("data.txt is not a classification field");
    assertThat(browser.findElement(By.id("import-accepted")).getText()).isEqualTo("2");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("import-progress"), "done"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-tasks"), "2"));
    Browser.screenshot(browser, "console-project");

    browser.findElement(By.id("nav-projects")).click();
    String list =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("projects"))).getText();
    assertThat(list).contains("Spam or not").contains("classification");
  }
}
