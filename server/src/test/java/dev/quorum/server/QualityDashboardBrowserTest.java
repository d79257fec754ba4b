package dev.quorum.server;

import static dev.quorum.test.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.test.Api;
import dev.quorum.test.Fixtures;
import dev.quorum.test.Harness;
import dev.quorum.test.QuorumTest;
import dev.quorum.test.Unique;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A customer opens the quality tab of a project with judged work: the figures match what the
 * annotators did, the annotator table shows each one's gold record and status, and the quality
 * settings can be changed there.
 */
@QuorumTest
@Tag("browser")
class QualityDashboardBrowserTest {

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  WebDriver browser;
  Api api;
  Harness work;

  @BeforeEach
  void open() {
    browser = Browser.start();
    api = new Api(client);
    work = new Harness(api);
  }

  @AfterEach
  void close() {
    browser.quit();
  }

  /** What one annotator did: judgements submitted, gold items seen and answered right. */
  record Done(int judgements, int gold, int goldCorrect) {}

  @Test
  @SuppressWarnings("unchecked")
  void shouldShowTheFiguresTheAnnotatorsProducedAndChangeTheSettings() {
    Fixtures fixtures = work.fixtures;
    Fixtures.Customer customer = fixtures.customer();
    String email = Unique.email("quality");
    api.post(
        "/api/v1/orgs/" + customer.orgId() + "/users",
        customer.apiKey(),
        Map.of("email", email, "password", "quality-password", "name", "Quality User"));
    // Two judgements per task, decided at once (no agreement target), nothing sampled for review;
    // gold is offered often.
    String projectId =
        (String)
            work.project(
                    customer.apiKey(),
                    "pairwise",
                    Map.of(
                        "overlap", Map.of("min", 2, "max", 2),
                        "goldRatio", 0.9,
                        "quality", Map.of("auditRate", 0.0)))
                .get("id");
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      lines.add(
          "{\"externalId\":\"t"
              + i
              + "\",\"data\":{\"prompt\":\"prompt t"
              + i
              + "\",\"responseA\":\"alpha\",\"responseB\":\"beta\"}}");
    }
    for (int i = 1; i <= 2; i++) {
      lines.add(
          "{\"externalId\":\"g"
              + i
              + "\",\"data\":{\"prompt\":\"gold g"
              + i
              + "\",\"responseA\":\"wrong\",\"responseB\":\"right\"},"
              + "\"gold\":{\"answer\":{\"choice\":\"B\"},\"explanation\":\"right is right\"}}");
    }
    assertThat(work.importLines(customer.apiKey(), projectId, lines).status()).isEqualTo(202);
    work.awaitTasks(customer.apiKey(), projectId, 3);

    // Both annotators prefer beta on every task; on gold the careful one picks the right
    // response, the careless one the wrong one.
    Fixtures.Person careful = fixtures.annotator(List.of(work.language), 1);
    Fixtures.Person careless = fixtures.annotator(List.of(work.language), 1);
    Done byCareful = workThrough(careful, "right");
    Done byCareless = workThrough(careless, "wrong");
    assertThat(byCareful.judgements() - byCareful.gold()).isEqualTo(3);
    assertThat(byCareless.judgements() - byCareless.gold()).isEqualTo(3);
    assertThat(byCareful.goldCorrect()).isEqualTo(byCareful.gold());
    assertThat(byCareless.goldCorrect()).isZero();
    int goldScored = byCareful.gold() + byCareless.gold();
    int goldCorrect = byCareful.goldCorrect();

    // Quality decides and scores from events: wait until the report has all of it.
    await(
        () -> api.get("/api/v1/projects/" + projectId + "/quality", customer.apiKey()).body(),
        r ->
            ((Map<String, Object>) r.get("tasks")).get("resolved").equals(3)
                && ((Map<String, Object>) r.get("gold")).get("scored").equals(goldScored)
                && trustScored(r, careful.id()) == byCareful.gold()
                && trustScored(r, careless.id()) == byCareless.gold());

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get(server.getURL() + "/login");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys("quality-password");
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("open-console"))).click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("tr[data-project-id='" + projectId + "'] .project-link")))
        .click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tab-quality"))).click();

    // The tiles: the figures this test produced.
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quality-gold")));
    assertThat(tile("quality-gold"))
        .isEqualTo(goldScored == 0 ? "—" : percent((double) goldCorrect / goldScored));
    assertThat(hint("quality-gold"))
        .isEqualTo(
            goldScored == 0
                ? "no gold answers scored yet"
                : goldCorrect + " of " + goldScored + " gold answers correct");
    // Six judgements (gold does not count) for three resolved tasks.
    assertThat(tile("quality-per-task")).isEqualTo("2.0");
    assertThat(hint("quality-per-task")).isEqualTo("3 resolved, 0 contested");
    Browser.screenshot(browser, "quality-dashboard");

    // The annotator table: each one's judgements, gold record, trust, agreement and status.
    assertRow(careful, byCareful);
    assertRow(careless, byCareless);
    scrollTo(browser.findElement(By.id("quality-annotators-section")));
    Browser.screenshot(browser, "quality-annotators");

    // The settings as they are, then changed through the form (a bad value first).
    WebElement settings =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quality-settings-list")));
    assertThat(settings.getText())
        .contains("0% of decided work is reviewed")
        .contains("0.7 (paused below it)")
        .contains("strict: exact choice");
    browser.findElement(By.id("edit-quality")).click();
    WebElement threshold =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quality-trust-threshold")));
    assertThat(threshold.getDomProperty("value")).isEqualTo("0.7");
    retype(threshold, "2");
    browser.findElement(By.id("save-quality")).click();
    assertThat(
            wait.until(
                    ExpectedConditions.visibilityOfElementLocated(
                        By.id("quality-trust-threshold-error")))
                .getText())
        .isEqualTo("must be between 0 and 1");
    retype(threshold, "0.6");
    new Select(browser.findElement(By.id("quality-pairwise-ties"))).selectByValue("lenient");
    scrollTo(browser.findElement(By.id("quality-settings-card")));
    Browser.screenshot(browser, "quality-settings-edit");
    browser.findElement(By.id("save-quality")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("quality-settings-notice"), "Quality settings saved."));
    assertThat(browser.findElement(By.id("quality-settings-list")).getText())
        .contains("0.6 (paused below it)")
        .contains("lenient: a tie is never wrong")
        .contains("0% of decided work is reviewed");
    // Only what changed was sent: the audit rate is still the one set at creation.
    Map<String, Object> quality =
        (Map<String, Object>)
            api.get("/api/v1/projects/" + projectId, customer.apiKey()).body().get("quality");
    assertThat(quality)
        .containsEntry("trustThreshold", 0.6)
        .containsEntry("pairwiseTies", "lenient")
        .containsEntry("auditRate", 0.0)
        .containsEntry("trustMinScored", 10);
  }

  /** Takes and answers work until none is left; "beta" on normal tasks, {@code onGold} on gold. */
  @SuppressWarnings("unchecked")
  private Done workThrough(Fixtures.Person annotator, String onGold) {
    int judgements = 0;
    int gold = 0;
    int goldCorrect = 0;
    for (int guard = 0; guard < 20; guard++) {
      Api.Response next = work.next(annotator.token());
      if (next.status() == 204) {
        return new Done(judgements, gold, goldCorrect);
      }
      assertThat(next.status()).as(next.toString()).isEqualTo(200);
      Map<String, Object> data = (Map<String, Object>) Harness.task(next).get("data");
      boolean isGold = ((String) data.get("prompt")).startsWith("gold");
      String pick = isGold ? onGold : "beta";
      String side = pick.equals(data.get("responseA")) ? "A" : "B";
      Api.Response submitted =
          work.submit(annotator.token(), next.get("assignmentId"), Map.of("choice", side));
      assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
      judgements++;
      Map<String, Object> feedback = (Map<String, Object>) submitted.body().get("feedback");
      assertThat(feedback != null).as("feedback only on gold").isEqualTo(isGold);
      if (isGold) {
        gold++;
        goldCorrect += Boolean.TRUE.equals(feedback.get("correct")) ? 1 : 0;
      }
    }
    throw new AssertionError("work never ran out");
  }

  @SuppressWarnings("unchecked")
  private static int trustScored(Map<String, Object> report, String annotatorId) {
    return ((List<Map<String, Object>>) report.get("annotators"))
        .stream()
            .filter(a -> annotatorId.equals(a.get("annotatorId")))
            .map(a -> ((Number) ((Map<String, Object>) a.get("trust")).get("scored")).intValue())
            .findFirst()
            .orElse(-1);
  }

  private void assertRow(Fixtures.Person person, Done done) {
    WebElement row =
        browser.findElement(
            By.cssSelector("#quality-annotators tr[data-annotator='" + person.id() + "']"));
    List<WebElement> cells = row.findElements(By.tagName("td"));
    String name = "Annotator " + person.email().substring(0, person.email().indexOf('@'));
    assertThat(cells.get(0).getText()).startsWith(name);
    assertThat(cells.get(1).getText()).isEqualTo("active");
    assertThat(cells.get(2).getText()).isEqualTo(String.valueOf(done.judgements()));
    assertThat(cells.get(3).getText()).isEqualTo(done.goldCorrect() + " / " + done.gold());
    assertThat(cells.get(4).getText())
        .isEqualTo(done.gold() == 0 ? "—" : percent((double) done.goldCorrect() / done.gold()));
    // Trust is the mean of Beta(1 + right, 1 + wrong); the interval follows it in brackets.
    double mean = (1.0 + done.goldCorrect()) / (2.0 + done.gold());
    assertThat(cells.get(5).getText()).startsWith(String.format(Locale.ROOT, "%.2f (", mean));
    // Both chose beta on every task, which is the consensus.
    assertThat(cells.get(6).getText()).isEqualTo("100%");
    assertThat(cells.get(7).getText()).isEqualTo("—");
  }

  private String tile(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private String hint(String id) {
    return browser
        .findElement(By.xpath("//dd[@id='" + id + "']/following-sibling::dd[@class='tile-hint']"))
        .getText();
  }

  /** Replaces a field's text as a person would: select all, then type. */
  private static void retype(WebElement field, String text) {
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"));
    field.sendKeys(text);
  }

  private void scrollTo(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true)", element);
  }

  /** A share as the dashboard writes it: one decimal at most ("66.7%", "100%"). */
  private static String percent(double share) {
    double rounded = Math.round(share * 1000) / 10.0;
    return (rounded == Math.rint(rounded)
            ? String.valueOf((long) rounded)
            : String.format(Locale.ROOT, "%.1f", rounded))
        + "%";
  }
}
