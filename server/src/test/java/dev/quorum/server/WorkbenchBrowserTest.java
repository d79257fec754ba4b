package dev.quorum.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.test.Api;
import dev.quorum.test.Fixtures;
import dev.quorum.test.QuorumTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An annotator compares two pairs of responses by keyboard in a real browser. */
@QuorumTest
@Tag("browser")
class WorkbenchBrowserTest {

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

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
  void shouldCompleteTwoPairwiseTasksByKeyboardAndSayWhenNoneIsLeft() {
    Api api = new Api(client);
    Fixtures fixtures = new Fixtures(api);
    String language = Fixtures.isolatedLanguage();
    Fixtures.Customer customer = fixtures.customer();
    Api.Response project =
        api.post(
            "/api/v1/projects",
            customer.apiKey(),
            Map.of(
                "name", "Browser pairs",
                "kind", "pairwise",
                "instructions", "Pick the <b>better</b> answer.",
                "requirements", Map.of("languages", List.of(language))));
    String projectId = project.get("id");
    String tasks =
        "{\"externalId\":\"b-1\",\"data\":{\"prompt\":\"First <script>alert(1)</script> prompt\","
            + "\"responseA\":\"<img src=x onerror=alert(1)>left one\",\"responseB\":\"right one\"}}\n"
            + "{\"externalId\":\"b-2\",\"data\":{\"prompt\":[{\"role\":\"user\",\"content\":\"Second prompt\"}],"
            + "\"responseA\":\"alpha\",\"responseB\":\"beta\"}}\n";
    Api.Response imported =
        api.send(
            HttpRequest.POST("/api/v1/projects/" + projectId + "/tasks", tasks)
                .contentType(MediaType.of("application/x-ndjson")),
            customer.apiKey());
    assertThat(imported.body()).containsEntry("accepted", 2);
    PairwiseLoopTest.await(
        () -> api.get("/api/v1/projects/" + projectId, customer.apiKey()),
        r -> ((Map<?, ?>) r.body().get("progress")).get("unitsReady").equals(2));
    Fixtures.Person annotator = fixtures.annotator(List.of(language), 1);

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get(server.getURL() + "/login");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")))
        .sendKeys(annotator.email());
    browser.findElement(By.id("password")).sendKeys(annotator.password());
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("start-work"))).click();

    // Task 1: untrusted markup shows as text; choose by keyboard, submit with Enter.
    String prompt =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("prompt"))).getText();
    assertThat(prompt).contains("First <script>alert(1)</script> prompt");
    assertThat(
            browser.findElements(
                By.cssSelector("#prompt script, #response-a img, #response-b img")))
        .isEmpty();
    assertThat(browser.findElement(By.id("instructions")).getText())
        .contains("Pick the <b>better</b> answer.");
    String left = browser.findElement(By.id("response-a")).getText();
    String right = browser.findElement(By.id("response-b")).getText();
    assertThat(List.of(left, right))
        .containsExactlyInAnyOrder("<img src=x onerror=alert(1)>left one", "right one");
    new Actions(browser).sendKeys("1").perform();
    wait.until(ExpectedConditions.attributeToBe(By.id("choose-a"), "aria-pressed", "true"));
    Browser.screenshot(browser, "workbench");
    new Actions(browser).sendKeys(Keys.ENTER).perform();

    // Task 2: a chat prompt; choose B (key 3) and submit.
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("prompt"), "Second prompt"));
    new Actions(browser).sendKeys("3").perform();
    wait.until(ExpectedConditions.attributeToBe(By.id("choose-b"), "aria-pressed", "true"));
    new Actions(browser).sendKeys(Keys.ENTER).perform();

    String empty =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-tasks"))).getText();
    assertThat(empty).containsIgnoringCase("no tasks left");
    assertThat(browser.findElement(By.id("done-count")).getText()).contains("2");

    // Both judgements reached the server: the project has two submitted units and nothing ready.
    Map<?, ?> progress =
        PairwiseLoopTest.await(
            () ->
                (Map<?, ?>)
                    api.get("/api/v1/projects/" + projectId, customer.apiKey())
                        .body()
                        .get("progress"),
            p -> p.get("unitsSubmitted").equals(2));
    assertThat(progress.get("unitsReady")).isEqualTo(0);
  }
}
