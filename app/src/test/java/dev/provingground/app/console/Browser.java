package dev.provingground.app.console;

import dev.provingground.server.support.Executables;
import dev.provingground.server.support.RequiredPeer;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

/**
 * Debian's headless chromium driven through Debian's chromium-driver (never a browser Selenium would download):
 * skipped on a machine without them, a failure in CI ({@code PG_REQUIRE_PEERS=true}).
 */
final class Browser {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    /** Where the browser saves downloads (the evidence page's bundle). */
    static final Path DOWNLOADS = Path.of("target", "console-downloads").toAbsolutePath();

    private Browser() {
    }

    static ChromeDriver start() {
        Path chromium = Executables.find("chromium", Path.of("/usr/bin/chromium")).orElse(null);
        Path driver = Executables.find("chromedriver", Path.of("/usr/bin/chromedriver")).orElse(null);
        RequiredPeer.assume(chromium != null && driver != null, "chromium and chromedriver (looked in /usr/bin and on PATH)",
                "apt-get install chromium chromium-driver");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1500,950",
                        "--lang=en-GB");
        try {
            Files.createDirectories(DOWNLOADS);
        } catch (IOException e) {
            throw new AssertionError("cannot create " + DOWNLOADS, e);
        }
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ChromeDriver(service, options);
    }

    /** Saves what the page shows now as target/console-screenshots/NAME.png, for people to look at. */
    static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new AssertionError("cannot save screenshot " + name, e);
        }
    }

    /** The browser console's errors since the last call (a script that failed to load shows here first). */
    static List<String> consoleErrors(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }
}
