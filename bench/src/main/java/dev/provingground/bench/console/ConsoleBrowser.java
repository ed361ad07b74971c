package dev.provingground.bench.console;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console in Debian's headless chromium, driven through Debian's chromium-driver: signs in as the operator,
 * opens a level, and watches the page for a while — its long tasks (PerformanceObserver {@code longtask}), the main
 * thread's busy time (Chrome's own {@code TaskDuration}) and where the robot markers are.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final String PACKAGES = "chromium chromium-driver";
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Installed before a window; the page then keeps every long task's duration until the window ends. */
    private static final String OBSERVE_LONG_TASKS = """
            if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes
                || !PerformanceObserver.supportedEntryTypes.includes('longtask')) return false;
            const seen = [], start = performance.now();
            const observer = new PerformanceObserver((list) => {
              for (const e of list.getEntries()) seen.push([e.startTime - start, e.duration]);
            });
            observer.observe({ type: 'longtask' });
            window.pgBenchLongTasks = { observer, seen, start };
            return true;""";
    /** Each long task as [start, duration] in ms, the start counted from when the observer was installed. */
    private static final String TAKE_LONG_TASKS = """
            const probe = window.pgBenchLongTasks;
            for (const e of probe.observer.takeRecords()) probe.seen.push([e.startTime - probe.start, e.duration]);
            probe.observer.disconnect();
            delete window.pgBenchLongTasks;
            return probe.seen;""";
    /** Robot id → [x, y] in metres, from where Leaflet put each robot marker. */
    private static final String MARKER_POSITIONS = """
            const out = {};
            window.pgConsole.map.eachLayer((l) => {
              const el = l.getElement && l.getElement();
              const robot = el && el.querySelector && el.querySelector('.robot');
              if (robot && l.getLatLng) { const p = l.getLatLng(); out[robot.dataset.robot] = [p.lng, p.lat]; }
            });
            return out;""";

    /**
     * Selenium warns that it has no DevTools bindings for this chromium's version; the bench only sends plain CDP
     * commands ({@code Performance.getMetrics}), which need none. Held here so the setting is not collected away.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final String baseUrl;

    private ConsoleBrowser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** @throws ChromiumMissing when chromium or chromium-driver is not installed */
    static ConsoleBrowser open(String baseUrl) {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        Path chromium = find("chromium").orElseThrow(() -> new ChromiumMissing("chromium"));
        Path chromedriver = find("chromedriver").orElseThrow(() -> new ChromiumMissing("chromedriver"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1500,950",
                        "--lang=en-GB");
        return new ConsoleBrowser(new ChromeDriver(service, options), baseUrl);
    }

    /** chromium or chromedriver in /usr/bin (where Debian puts them) or on the PATH. */
    private static Optional<Path> find(String name) {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin", name)));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
            if (!dir.isBlank()) candidates.add(Path.of(dir, name));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** What to install when the browser is not there. */
    static final class ChromiumMissing extends IllegalStateException {
        ChromiumMissing(String what) {
            super("console bench: " + what + " not found in /usr/bin or on the PATH; the bench drives Debian's "
                    + "headless chromium: apt-get install " + PACKAGES);
        }
    }

    /** Opens the console in English and signs in with {@code token} as a person would, typing it. */
    void signIn(String token) {
        driver.get(baseUrl + "/");
        driver.executeScript("sessionStorage.clear(); localStorage.setItem('pg.lang', 'en');");
        driver.navigate().refresh();
        until(ExpectedConditions.elementToBeClickable(By.id("token"))).sendKeys(token);
        driver.findElement(By.id("sign-in")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
    }

    /** Switches the map to {@code level} in one click and waits until it shows {@code robots} markers. */
    void showLevel(String level, int robots) {
        until(ExpectedConditions.elementToBeClickable(By.id("level-" + level))).click();
        until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#level-" + level + ".active")));
        until(d -> markerPositions().size() == robots);
    }

    /** Starts collecting long tasks; false when this browser cannot observe them. */
    boolean observeLongTasks() {
        return Boolean.TRUE.equals(driver.executeScript(OBSERVE_LONG_TASKS));
    }

    /** The long tasks since {@link #observeLongTasks}, which stops collecting. */
    List<PageWindow.LongTask> takeLongTasks() {
        List<?> raw = (List<?>) driver.executeScript(TAKE_LONG_TASKS);
        return raw.stream().map(v -> (List<?>) v)
                .map(t -> new PageWindow.LongTask(((Number) t.get(0)).doubleValue(), ((Number) t.get(1)).doubleValue()))
                .toList();
    }

    /**
     * Seconds the page's main thread has spent since it was opened (Chrome's cumulative metrics): running tasks in
     * all, and of that in script, style recalculation and layout.
     */
    MainThread mainThread() {
        driver.executeCdpCommand("Performance.enable", Map.of());
        Map<String, Object> answer = driver.executeCdpCommand("Performance.getMetrics", Map.of());
        Map<String, Double> metrics = new HashMap<>();
        for (Object m : (List<?>) answer.get("metrics")) {
            Map<?, ?> metric = (Map<?, ?>) m;
            metrics.put(String.valueOf(metric.get("name")), ((Number) metric.get("value")).doubleValue());
        }
        if (!metrics.containsKey("TaskDuration")) throw new IllegalStateException("chromium reported no TaskDuration metric");
        return new MainThread(metrics.get("TaskDuration"), metrics.getOrDefault("ScriptDuration", 0.0),
                metrics.getOrDefault("RecalcStyleDuration", 0.0), metrics.getOrDefault("LayoutDuration", 0.0));
    }

    /** Cumulative seconds of the page's main thread. */
    record MainThread(double tasks, double script, double style, double layout) {
        MainThread since(MainThread earlier) {
            return new MainThread(tasks - earlier.tasks, script - earlier.script, style - earlier.style,
                    layout - earlier.layout);
        }
    }

    /**
     * CPU seconds this browser's renderer processes (the page: main thread, compositor, raster) have used, from the
     * operating system; unlike the page's own timings it does not grow while other processes hold the cores. They are
     * this JVM's descendants (through chromedriver) whose command line says {@code --type=renderer}, read from
     * /proc because chromium rewrites its processes' titles, which Java's own view of the command line then misses;
     * empty where the system does not tell.
     */
    Optional<Double> rendererCpuSeconds() {
        List<ProcessHandle.Info> renderers = ProcessHandle.current().descendants()
                .filter(p -> commandLine(p).contains("--type=renderer")).map(ProcessHandle::info).toList();
        if (renderers.isEmpty() || renderers.stream().anyMatch(i -> i.totalCpuDuration().isEmpty())) return Optional.empty();
        return Optional.of(renderers.stream().mapToDouble(i -> i.totalCpuDuration().orElseThrow().toNanos() / 1e9).sum());
    }

    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"), StandardCharsets.ISO_8859_1);
        } catch (IOException | UncheckedIOException e) {
            return ""; // gone meanwhile, or not Linux
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, List<Number>> markerPositions() {
        return (Map<String, List<Number>>) driver.executeScript(MARKER_POSITIONS);
    }

    private <T> T until(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
