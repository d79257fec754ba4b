package dev.quorum.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the machine's packages ({@code apt-get install chromium chromium-driver});
 * nothing is downloaded. Paths can be overridden with {@code QUORUM_CHROMIUM} and {@code
 * QUORUM_CHROMEDRIVER}.
 */
final class Browser {

  private Browser() {}

  /** Saves what the page looks like under target/screenshots, for people to look at. */
  static void screenshot(WebDriver browser, String name) {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
      Files.createDirectories(dir);
      byte[] png =
          ((org.openqa.selenium.TakesScreenshot) browser)
              .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
      Files.write(dir.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static WebDriver start() {
    String binary = System.getenv().getOrDefault("QUORUM_CHROMIUM", "/usr/bin/chromium");
    String driver = System.getenv().getOrDefault("QUORUM_CHROMEDRIVER", "/usr/bin/chromedriver");
    if (!new File(binary).canExecute() || !new File(driver).canExecute()) {
      throw new IllegalStateException(
          "browser tests need Chromium and ChromeDriver at "
              + binary
              + " and "
              + driver
              + ": run 'apt-get install -y chromium chromium-driver' (bash .ci/run does)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary);
    try {
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--window-size=1280,900",
          "--user-data-dir=" + Files.createTempDirectory("quorum-chromium"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).build();
    return new ChromeDriver(service, options);
  }
}
