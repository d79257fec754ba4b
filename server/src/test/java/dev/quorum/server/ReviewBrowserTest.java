package dev.quorum.server;

import static dev.quorum.test.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.test.Api;
import dev.quorum.test.Fixtures;
import dev.quorum.test.Harness;
import dev.quorum.test.QuorumTest;
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
 * A reviewer rejects an annotator's judgement by keyboard in a real browser; the annotator sees the
 * rejection with its reason on the feedback page and appeals it there.
 */
@QuorumTest
@Tag("browser")
class ReviewBrowserTest {

  private static final String PROMPT = "Which planet is the largest?";
  private static final String WRONG = "Saturn is the largest planet.";
  private static final String RIGHT = "Jupiter is the largest planet.";
  private static final String REASON = "Saturn is smaller than Jupiter";
  private static final String APPEAL =
      "Saturn has the larger ring system, which the prompt may mean";

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
  @SuppressWarnings("unchecked")
  void shouldRejectByKeyboardThenLetTheAnnotatorAppeal() {
    Api api = new Api(client);
    Harness work = new Harness(api);
    Fixtures fixtures = work.fixtures;
    Fixtures.Customer customer = fixtures.customer();
    // Every decided judgement is sampled for review; only this test's people speak the language.
    String projectId =
        (String)
            work.project(customer.apiKey(), "pairwise", Map.of("quality", Map.of("auditRate", 1.0)))
                .get("id");
    String task =
        "{\"externalId\":\"planets\",\"data\":{\"prompt\":\""
            + PROMPT
            + "\",\"responseA\":\""
            + RIGHT
            + "\",\"responseB\":\""
            + WRONG
            + "\"}}";
    assertThat(work.importLines(customer.apiKey(), projectId, List.of(task)).status())
        .isEqualTo(202);
    work.awaitTasks(customer.apiKey(), projectId, 1);

    // The annotator prefers the wrong answer (the customer's B), clearly.
    Fixtures.Person annotator = fixtures.annotator(List.of(work.language), 1);
    Api.Response next = await(() -> work.next(annotator.token()), r -> r.status() == 200);
    Map<String, Object> data = (Map<String, Object>) Harness.task(next).get("data");
    String wrongSide = WRONG.equals(data.get("responseA")) ? "A" : "B";
    Api.Response submitted =
        work.submit(
            annotator.token(),
            next.get("assignmentId"),
            Map.of("choice", wrongSide, "strength", 2));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    api.post("/api/v1/annotator/release", annotator.token(), null);

    // The task is decided and sampled: the reviewer's queue has it (claimed for this reviewer, so
    // the page shows the same item).
    Fixtures.Person reviewer = fixtures.reviewer(List.of(work.language));
    Api.Response item =
        await(
            () -> api.post("/api/v1/review/next", reviewer.token(), null), r -> r.status() == 200);
    String reviewId = item.get("reviewId");

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    signIn(wait, reviewer);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("start-review"))).click();

    // The item: the task's text, the judgement in the customer's terms, why it is here.
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("prompt"), PROMPT));
    assertThat(browser.findElement(By.id("response-a")).getText()).isEqualTo(RIGHT);
    assertThat(browser.findElement(By.id("response-b")).getText()).isEqualTo(WRONG);
    assertThat(browser.findElement(By.id("judgement-answer")).getText())
        .isEqualTo("B is clearly better");
    assertThat(browser.findElement(By.id("review-task")).getText()).isEqualTo("planets");
    assertThat(browser.findElement(By.id("review-reason")).getText()).startsWith("Random sample");
    assertThat(browser.findElement(By.cssSelector("main.task")).getDomAttribute("data-review-id"))
        .isEqualTo(reviewId);

    // R opens the reason field with the focus in it; Enter sends the rejection.
    new Actions(browser).sendKeys("r").perform();
    wait.until(ExpectedConditions.attributeToBe(By.id("verdict-reject"), "aria-pressed", "true"));
    WebElement reason = browser.findElement(By.id("verdict-reason"));
    assertThat(browser.switchTo().activeElement()).isEqualTo(reason);
    new Actions(browser).sendKeys(REASON).perform();
    assertThat(reason.getDomProperty("value")).isEqualTo(REASON);
    Browser.screenshot(browser, "review-reject");
    new Actions(browser).sendKeys(Keys.ENTER).perform();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nothing-to-review")));
    assertThat(browser.findElement(By.id("review-notice")).getText())
        .isEqualTo("Rejected: pairwise project, task planets");
    assertThat(browser.findElement(By.id("reviewed-count")).getText()).endsWith("1");

    // The annotator's feedback lists the rejection with the reviewer's reason.
    Map<String, Object> rejection =
        await(
                () ->
                    (List<Map<String, Object>>)
                        api.get("/api/v1/annotator/feedback", annotator.token())
                            .body()
                            .get("rejections"),
                r -> !r.isEmpty())
            .get(0);
    assertThat(rejection)
        .containsEntry("reviewId", reviewId)
        .containsEntry("reason", REASON)
        .containsEntry("appealable", true)
        .containsEntry("taskPreview", PROMPT);

    // The annotator signs in, finds the rejection and appeals it.
    browser.findElement(By.id("sign-out")).click();
    signIn(wait, annotator);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("open-feedback"))).click();
    By rejectionItem = By.cssSelector("li.rejection[data-review-id='" + reviewId + "']");
    WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(rejectionItem));
    assertThat(shown.findElement(By.cssSelector(".reason .text")).getText()).isEqualTo(REASON);
    assertThat(shown.findElement(By.cssSelector(".preview")).getText()).isEqualTo(PROMPT);
    assertThat(shown.findElement(By.cssSelector(".project-name")).getText())
        .isEqualTo("pairwise project");
    shown.findElement(By.cssSelector(".appeal-open")).click();
    WebElement comment =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.id("appeal-comment-" + reviewId)));
    comment.sendKeys(APPEAL);
    shown.findElement(By.cssSelector(".appeal-submit")).click();

    By status = By.cssSelector("li.rejection[data-review-id='" + reviewId + "'] .appeal-status");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(status, "Appeal pending"));
    assertThat(browser.findElement(status).getDomAttribute("data-status")).isEqualTo("pending");
    assertThat(browser.findElements(By.id("appeal-comment-" + reviewId))).isEmpty();
    assertThat(shown.findElement(By.cssSelector(".appeal-comment .text")).getText())
        .isEqualTo(APPEAL);

    // The appeal is the server's: after reloading the page it is still pending.
    browser.navigate().refresh();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(status, "Appeal pending"));
    assertThat(browser.findElements(By.cssSelector(".appeal-open"))).isEmpty();
    Browser.screenshot(browser, "feedback-appeal");
    Map<String, Object> appeal =
        (Map<String, Object>)
            ((List<Map<String, Object>>)
                    api.get("/api/v1/annotator/feedback", annotator.token())
                        .body()
                        .get("rejections"))
                .get(0)
                .get("appeal");
    assertThat(appeal).containsEntry("status", "pending").containsEntry("comment", APPEAL);
  }

  private void signIn(WebDriverWait wait, Fixtures.Person person) {
    browser.get(server.getURL() + "/login");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")))
        .sendKeys(person.email());
    browser.findElement(By.id("password")).sendKeys(person.password());
    browser.findElement(By.id("sign-in")).click();
  }
}
