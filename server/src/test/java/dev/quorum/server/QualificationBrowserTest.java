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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An annotator takes two qualification tests by keyboard in a real browser: fails a pairwise test
 * (a cooldown follows) and passes a classification test (it cannot be taken again).
 */
@QuorumTest
@Tag("browser")
class QualificationBrowserTest {

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void open() {
    browser = Browser.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void close() {
    browser.quit();
  }

  @Test
  void shouldFailOneTestIntoACooldownAndPassAnother() {
    Api api = new Api(client);
    Fixtures fixtures = new Fixtures(api);
    Fixtures.Customer customer = fixtures.customer();
    String pairsName = Unique.name("Facts");
    Api.Response pairs =
        api.post(
            "/api/v1/qualifications",
            customer.apiKey(),
            Map.of(
                "name",
                pairsName,
                "kind",
                "pairwise",
                "instructions",
                "Pick the <b>factual</b> answer.",
                "passScore",
                1.0,
                "cooldownHours",
                24,
                "items",
                List.of(
                    item("Capital of France?", "Paris", "Lyon", "A", "Paris is the capital."),
                    item(
                        "Water boils at sea level at?",
                        "90 degrees",
                        "100 degrees",
                        "B",
                        "100 degrees Celsius at sea level."))));
    assertThat(pairs.status()).as(pairs.toString()).isEqualTo(201);
    String pairsId = pairs.get("id");
    Api.Response labels =
        api.post(
            "/api/v1/qualifications",
            customer.apiKey(),
            Map.of(
                "name", Unique.name("Spam"),
                "kind", "classification",
                "labels", List.of("spam", "ham"),
                "items",
                    List.of(
                        Map.of(
                            "data", Map.of("text", "Win a free cruise <script>alert(1)</script>"),
                            "gold", Map.of("answer", Map.of("labels", List.of("spam")))))));
    assertThat(labels.status()).as(labels.toString()).isEqualTo(201);
    String labelsId = labels.get("id");
    Fixtures.Person annotator = fixtures.annotator(List.of(Fixtures.isolatedLanguage()), 1);

    browser.get(server.getURL() + "/login");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")))
        .sendKeys(annotator.email());
    browser.findElement(By.id("password")).sendKeys(annotator.password());
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("open-qualifications"))).click();

    WebElement pairsEntry = entry(pairsId);
    assertThat(pairsEntry.findElement(By.cssSelector(".test-name")).getText()).isEqualTo(pairsName);
    assertThat(pairsEntry.findElement(By.cssSelector(".test-status")).getText())
        .isEqualTo("Available");
    assertThat(entry(labelsId).findElement(By.cssSelector(".test-status")).getText())
        .isEqualTo("Available");
    Browser.screenshot(browser, "qualifications-list");
    pairsEntry.findElement(By.cssSelector(".take-test")).click();

    // Item 1, answered right by keyboard; the sides are shuffled, so read which is which.
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("test-progress"), "Item 1 of 2"));
    assertThat(browser.findElement(By.id("test-name")).getText()).isEqualTo(pairsName);
    assertThat(browser.findElement(By.id("instructions")).getText())
        .isEqualTo("Pick the <b>factual</b> answer.");
    answerPairwise(true);
    Browser.screenshot(browser, "qualification-item");
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    WebElement verdict =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-verdict")));
    assertThat(verdict.getText()).isEqualTo("✓ Correct");
    assertThat(browser.findElement(By.id("continue")).getText()).startsWith("Next item");
    new Actions(browser).sendKeys(Keys.ENTER).perform();

    // Item 2, answered wrong: the feedback says what was expected and why.
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("test-progress"), "Item 2 of 2"));
    answerPairwise(false);
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-verdict")));
    assertThat(verdict.getText()).isEqualTo("✗ Not correct");
    assertThat(browser.findElement(By.id("feedback-expected")).getText())
        .matches("[AB] \\((left|right)\\) is (slightly |clearly |much )?better");
    assertThat(browser.findElement(By.id("feedback-explanation")).getText())
        .isIn("Paris is the capital.", "100 degrees Celsius at sea level.");
    assertThat(browser.findElement(By.id("continue")).getText()).startsWith("See your result");
    Browser.screenshot(browser, "qualification-feedback");
    new Actions(browser).sendKeys(Keys.ENTER).perform();

    // Half right with a pass score of 1: failed, with a cooldown.
    WebElement result =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("qualification-result")));
    assertThat(result.getDomAttribute("data-passed")).isEqualTo("false");
    assertThat(browser.findElement(By.id("result-verdict")).getText())
        .isEqualTo("✗ You did not pass");
    assertThat(browser.findElement(By.id("result-score")).getText())
        .isEqualTo("Score: 50% (1 of 2 right)");
    assertThat(browser.findElement(By.id("result-next")).getText())
        .startsWith("You can take it again in 1 d, from ");
    Browser.screenshot(browser, "qualification-result");
    new Actions(browser).sendKeys(Keys.ENTER).perform(); // the focused "Back to the tests"

    pairsEntry = entry(pairsId);
    assertThat(pairsEntry.findElement(By.cssSelector(".test-status")).getText())
        .isEqualTo("Cooldown");
    assertThat(pairsEntry.findElement(By.cssSelector(".test-detail")).getText())
        .startsWith("You can take it again in 1 d");
    assertThat(pairsEntry.findElements(By.cssSelector(".take-test"))).isEmpty();

    // The classification test: number keys toggle the labels (one label: the last one wins).
    entry(labelsId).findElement(By.cssSelector(".take-test")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("text"), "Win a free cruise <script>alert(1)</script>"));
    assertThat(browser.findElements(By.cssSelector("#text script"))).isEmpty();
    new Actions(browser).sendKeys("2").perform();
    wait.until(ExpectedConditions.attributeToBe(By.id("choose-label-1"), "aria-pressed", "true"));
    new Actions(browser).sendKeys("1").perform();
    wait.until(ExpectedConditions.attributeToBe(By.id("choose-label-0"), "aria-pressed", "true"));
    assertThat(browser.findElement(By.id("choose-label-1")).getDomAttribute("aria-pressed"))
        .isEqualTo("false");
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-verdict")));
    assertThat(verdict.getText()).isEqualTo("✓ Correct");
    assertThat(browser.findElement(By.id("feedback-given")).getText()).isEqualTo("Label: spam");
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("result-verdict"), "✓ You passed"));
    assertThat(browser.findElement(By.id("result-score")).getText())
        .isEqualTo("Score: 100% (1 of 1 right)");

    // Passed: the list says so, and the test cannot be started again (the server's 409 shows).
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    assertThat(entry(labelsId).findElement(By.cssSelector(".test-status")).getText())
        .isEqualTo("Passed");
    Browser.screenshot(browser, "qualifications-after");
    browser.get(server.getURL() + "/qualifications/" + labelsId);
    assertThat(
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refused-reason")))
                .getText())
        .startsWith("you already passed this test");

    @SuppressWarnings("unchecked")
    Map<String, String> statuses =
        api.get("/api/v1/annotator/qualifications", annotator.token()).list().stream()
            .map(t -> (Map<String, Object>) t)
            .filter(t -> List.of(pairsId, labelsId).contains(t.get("id")))
            .collect(
                java.util.stream.Collectors.toMap(
                    t -> (String) t.get("id"), t -> (String) t.get("status")));
    assertThat(statuses).containsEntry(pairsId, "cooldown").containsEntry(labelsId, "passed");
  }

  private static Map<String, Object> item(
      String prompt, String a, String b, String gold, String explanation) {
    return Map.of(
        "data",
        Map.of("prompt", prompt, "responseA", a, "responseB", b),
        "gold",
        Map.of("answer", Map.of("choice", gold), "explanation", explanation));
  }

  /** The entry of a test in the list, once the list is shown. */
  private WebElement entry(String id) {
    return wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#qualification-list li[data-qualification='" + id + "']")));
  }

  /** Chooses the factual response (or the other one) with key 1 (left) or 3 (right). */
  private void answerPairwise(boolean right) {
    String prompt = browser.findElement(By.id("prompt")).getText();
    String factual = prompt.contains("France") ? "Paris" : "100 degrees";
    boolean factualLeft = browser.findElement(By.id("response-a")).getText().equals(factual);
    boolean left = factualLeft == right;
    new Actions(browser).sendKeys(left ? "1" : "3").perform();
    wait.until(
        ExpectedConditions.attributeToBe(
            By.id(left ? "choose-a" : "choose-b"), "aria-pressed", "true"));
  }
}
