package dev.quorum.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.test.QuorumTest;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person signs in through the page in a real (headless) Chromium. */
@QuorumTest
@Tag("browser")
class LoginPageBrowserTest {

  @Inject EmbeddedServer server;

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
  void shouldSignInAndShowWhoYouAre() {
    browser.get(server.getURL() + "/login");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));

    browser.findElement(By.id("email")).sendKeys("admin@quorum.test");
    browser.findElement(By.id("password")).sendKeys("wrong-password");
    browser.findElement(By.id("sign-in")).click();
    String error =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]")))
            .getText();
    assertThat(error).contains("email or the password is wrong");

    browser.findElement(By.id("password")).clear();
    browser.findElement(By.id("password")).sendKeys("admin-password-for-tests");
    browser.findElement(By.id("sign-in")).click();
    String who = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who"))).getText();
    assertThat(who).contains("Administrator").contains("admin@quorum.test");
    assertThat(browser.findElement(By.id("roles")).getText()).isEqualTo("ADMIN");
    assertThat(browser.getCurrentUrl()).isEqualTo(server.getURL() + "/");

    // A reload keeps the session; signing out returns to the login page.
    browser.navigate().refresh();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
    browser.findElement(By.id("sign-out")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
  }
}
