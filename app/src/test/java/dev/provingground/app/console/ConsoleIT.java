package dev.provingground.app.console;

import dev.provingground.app.demo.DemoLauncher;
import dev.provingground.app.demo.Endpoints;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.support.TestRobot;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.time.ScaledClock;
import dev.provingground.vda5050.Header;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.Vda5050Codec;
import io.vertx.core.buffer.Buffer;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.site.Site;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser on the demo: a server with the simulated fleet, Debian's chromium driven by
 * Selenium. Every step goes through the page as a person would (typing, clicking on the map); the API is read
 * only to check what the page did. Screenshots land in app/target/console-screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    /** 24 demo robots put 8 on L1 at the start (the mix repeats every 12, four of them on L1). */
    private static final int ROBOTS = 24;
    /**
     * The demo's time runs this many times faster than the wall clock: the server, the simulated robots, the lift cars
     * and the robot agents all read one {@link ScaledClock}, so the speeds, timeouts and rates among them stay as they
     * are. The delivery between floors (a robot to fetch, a lift ride or two, minutes of demo time) then completes while
     * the other tests run; the page follows it live all the same.
     */
    private static final double TIME_SCALE = 3;

    private Path data;
    private TestServer server;
    private DemoLauncher demo;
    private ChromeDriver driver;
    private ConsolePage page;
    private String vendorToken;
    private String base;
    /** The cross-floor delivery requested early and watched to the end by the last test. */
    private String delivery;

    @BeforeAll
    void startDemoAndBrowser() throws Exception {
        // The browser starts while the server and the demo do.
        CompletableFuture<ChromeDriver> browser = CompletableFuture.supplyAsync(Browser::start);
        try {
            data = Files.createTempDirectory("console-it");
            Site site = DemoSite.load();
            ScaledClock clock = new ScaledClock(TIME_SCALE);
            server = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(site), clock);
            // Registered before the demo so the test holds the firm's vendor token; the demo reuses the firm.
            vendorToken = server.registerFirm("servewell");
            demo = new DemoLauncher(server.vertx, Endpoints.of(server), site);
            demo.start(ROBOTS, DemoLauncher.Settings.defaults().withClock(clock)
                    .withFleet(SimFleet.Settings.defaults().withTimeScale(TIME_SCALE)));
            base = "http://127.0.0.1:" + server.server.httpPort();
        } finally {
            driver = started(browser);
        }
        page = new ConsolePage(driver, base);
    }

    /** The browser, or what stopped it from starting (a missing chromium skips the test, as it would have). */
    private static ChromeDriver started(CompletableFuture<ChromeDriver> browser) {
        try {
            return browser.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            if (e.getCause() instanceof Error cause) throw cause;
            throw e;
        }
    }

    @AfterEach
    void keepScreenshotAndErrors(TestInfo test) {
        Browser.screenshot(driver, "last-" + test.getTestMethod().orElseThrow().getName());
    }

    @AfterAll
    void stop() {
        if (driver != null) driver.quit();
        if (demo != null) demo.stop();
        if (server != null) server.stop();
        if (data != null) {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                System.err.println("could not remove " + data + ": " + e);
            }
        }
    }

    @Test
    @Order(1)
    void operatorSeesTheNavGraphOfL1AndAtLeastSixRobotsMovingWithinFiveSeconds() {
        page.signIn(server.operatorToken, "en");
        page.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#level-L1.active")));
        JsonObject l1 = level("L1");
        int lanes = l1.getJsonArray("lanes").size();
        page.until(d -> page.all("#map path.lane").size() == lanes);
        assertThat(page.all("#map path.waypoint")).hasSize(l1.getJsonArray("waypoints").size());
        assertThat(page.all("#map .site-label.place")).isNotEmpty();

        // The demo has just started: wait until it has work out on L1, then the page must follow it live.
        page.until(Duration.ofSeconds(90), d -> page.all(".robot[data-state='driving']").size() >= 6);
        Map<String, List<Number>> before = page.markerPositions();
        Browser.screenshot(driver, "01-operator-L1");
        // Within 5 s at least six markers must stand somewhere else than they stood.
        page.until(Duration.ofSeconds(5), d -> moved(before, page.markerPositions()).size() >= 6);
        // Read in one go: markers are drawn anew as robots report, so an element found first may be gone when read.
        @SuppressWarnings("unchecked")
        List<String> states = (List<String>) page.js(
                "return [...document.querySelectorAll('.robot[data-state]')].map(e => e.dataset.state);");
        assertThat(states).isNotEmpty().allMatch(state -> state.matches("driving|paused|charging|error|offline|idle"));

        // One click shows another level, with its own graph and robots.
        page.find("#level-L2").click();
        page.until(d -> page.all("#map path.lane").size() == level("L2").getJsonArray("lanes").size());
        page.find("#level-L1").click();
        page.until(d -> page.all("#map path.lane").size() == lanes);
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    @Order(2)
    void aDeliveryBetweenFloorsIsRequestedByPickingPlacesAndAnotherTaskIsCancelled() {
        page.signIn(server.operatorToken, "en");
        page.open("tasks");
        // A parcel from the meeting room on floor 2 to the nurse station on floor 3: the robot rides an elevator.
        // Requested early, so the ride runs while the other tests do; the last test watches it complete. Both floors'
        // ways are clear of the zones later tests put up (the keep-out square in L1's hall, the test ward in L3's
        // east wing), any of which would leave the robot carrying the parcel no way to the drop-off.
        new Select(page.find("#task-category")).selectByValue("delivery");
        new Select(page.find("#task-pickup")).selectByVisibleText("L2 · meeting-room");
        new Select(page.find("#task-dropoff")).selectByVisibleText("L3 · nurse-station");
        page.find("#task-submit").click();
        page.until(d -> page.find("#task-created").getText().contains("task-"));
        delivery = page.find("#task-created [data-raw]").getText();
        JsonObject stored = server.get("/api/v1/tasks/" + delivery, server.operatorToken).bodyAsJsonObject();
        assertThat(stored.getString("category")).isEqualTo("delivery");
        assertThat(stored.getJsonObject("detail").getJsonObject("pickup").getString("place")).isEqualTo("meeting-room");
        assertThat(stored.getJsonObject("detail").getJsonObject("dropoff").getString("place")).isEqualTo("nurse-station");

        // Another one, cancelled from the list: a delivery from a ward on floor 3 to the lobby desk on floor 1,
        // minutes of work, so it cannot be over before the click (a go-to can, when a robot stands at the place).
        new Select(page.find("#task-category")).selectByValue("delivery");
        new Select(page.find("#task-pickup")).selectByVisibleText("L3 · ward-304");
        new Select(page.find("#task-dropoff")).selectByVisibleText("L1 · lobby-desk");
        page.find("#task-submit").click();
        page.until(d -> !page.find("#task-created").getText().contains(delivery)
                && page.find("#task-created").getText().contains("task-"));
        String other = page.find("#task-created [data-raw]").getText();
        String row = "#task-list tr[data-task='" + other + "']";
        page.until(d -> !page.all(row + " button.cancel").isEmpty());
        // The list is drawn anew as tasks change: a button found just before may be gone by the click, so try again.
        page.until(d -> {
            page.find(row + " button.cancel").click();
            return true;
        });
        page.until(d -> "canceled".equals(page.find(row).getAttribute("data-status")));
        assertThat(server.get("/api/v1/tasks/" + other, server.operatorToken).bodyAsJsonObject().getString("status"))
                .isEqualTo("canceled");

        // The delivery shows its robot and dispatch decision.
        String deliveryRow = "#task-list tr[data-task='" + delivery + "']";
        page.until(Duration.ofSeconds(60), d -> page.find(deliveryRow).getText().contains("Chosen:"));
        Browser.screenshot(driver, "06-tasks");
    }

    @Test
    @Order(3)
    void aKeepOutZoneDrawnByClicksAcrossARobotPausesItAndTheViolationShowsInTheFeed() {
        page.signIn(server.operatorToken, "en");
        page.until(d -> page.all(".robot[data-state=driving]").size() >= 1);
        // A driving robot in the hall (not in the kitchen's or the dining room's zones): the square goes around it.
        Map<String, List<Number>> at = page.markerPositions();
        String robot = page.all(".robot[data-state=driving]").stream().map(e -> e.getAttribute("data-robot"))
                .filter(id -> at.containsKey(id) && at.get(id).get(0).doubleValue() > 22).findFirst()
                .orElseGet(() -> page.all(".robot[data-state=driving]").get(0).getAttribute("data-robot"));
        double x = at.get(robot).get(0).doubleValue();
        double y = at.get(robot).get(1).doubleValue();
        // The square must still hold the robot once drawn and saved: 4 m of its way on each side at the wall clock's
        // pace, as many times that as the demo's time runs faster; kept within the building's 60 m by 30 m.
        double half = 4 * TIME_SCALE;
        double x0 = Math.max(0.5, x - half);
        double x1 = Math.min(59.5, x + half);
        double y0 = Math.max(0.5, y - half);
        double y1 = Math.min(29.5, y + half);

        page.find("#zone-new").click();
        page.find("#zone-id").sendKeys("console-keep-out");
        page.clickMapAt(x0, y0);
        page.clickMapAt(x1, y0);
        page.clickMapAt(x1, y1);
        page.clickMapAt(x0, y1);
        page.until(ExpectedConditions.elementToBeClickable(By.id("zone-finish"))).click();
        new Select(page.find("#zone-kind")).selectByValue("KEEP_OUT");
        new Select(page.find("#zone-on-violation")).selectByValue("PAUSE");
        Browser.screenshot(driver, "02-keep-out-drawn");
        page.find("#zone-save").click();
        page.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#zone-details[data-zone=console-keep-out]")));

        var stored = server.get("/api/v1/sites/demo/zones/console-keep-out", server.operatorToken);
        assertThat(stored.statusCode()).isEqualTo(200);
        JsonObject zone = stored.bodyAsJsonObject();
        assertThat(zone.getJsonObject("properties").getString("kind")).isEqualTo("KEEP_OUT");
        assertThat(zone.getJsonObject("properties").getString("onViolation")).isEqualTo("PAUSE");
        assertThat(zone.getJsonObject("properties").getString("level")).isEqualTo("L1");
        assertThat(zone.getJsonObject("geometry").getJsonArray("coordinates").getJsonArray(0)).hasSize(5);

        // The robot inside is paused, and the feed of the page names the zone's violation.
        page.find("#tab-events").click();
        page.until(d -> page.all("#map-events li.violation").stream()
                .anyMatch(li -> li.getText().contains("console-keep-out")));
        page.until(d -> page.all(".robot[data-state=paused]").size() >= 1);
        Browser.screenshot(driver, "02-keep-out-violation");
        String paused = page.find(".robot[data-state=paused]").getAttribute("data-robot");
        assertThat(robotJson(paused).getBoolean("paused")).isTrue();

        // Leave the fleet as it was for the tests after this one.
        server.call(HttpMethod.DELETE, "/api/v1/sites/demo/zones/console-keep-out", server.operatorToken, null);
        for (Object r : robots(server.operatorToken))
            if (Boolean.TRUE.equals(((JsonObject) r).getBoolean("paused")))
                server.post("/api/v1/robots/" + ((JsonObject) r).getString("id") + "/instant-actions", server.operatorToken,
                        new JsonObject().put("actions", new JsonArray().add(new JsonObject().put("actionType", "stopPause"))));
    }

    @Test
    @Order(4)
    void aSelfIntersectingOutlineShowsTheErrorAtTheCrossingAndSavesNothing() {
        page.signIn(server.operatorToken, "en");
        page.until(ExpectedConditions.elementToBeClickable(By.id("zone-new")));
        Set<String> before = zoneIds();
        page.find("#zone-new").click();
        page.find("#zone-id").sendKeys("bow-tie");
        // A bow tie: its edges (30,10)-(36,16) and (36,10)-(30,16) cross at (33,13).
        page.clickMapAt(30, 10);
        page.clickMapAt(36, 16);
        page.clickMapAt(36, 10);
        page.clickMapAt(30, 16);
        page.until(ExpectedConditions.elementToBeClickable(By.id("zone-finish"))).click();
        page.find("#zone-save").click();
        page.until(d -> !page.find("#zone-problems").getText().isBlank());
        page.until(d -> !page.problemPins().isEmpty());
        Browser.screenshot(driver, "03-self-intersection");

        assertThat(page.find("#zone-problems").getText()).containsIgnoringCase("self-intersection");
        List<Number> pin = page.problemPins().get(0);
        assertThat(pin.get(0).doubleValue()).isCloseTo(33, org.assertj.core.data.Offset.offset(0.2));
        assertThat(pin.get(1).doubleValue()).isCloseTo(13, org.assertj.core.data.Offset.offset(0.2));
        assertThat(zoneIds()).isEqualTo(before).doesNotContain("bow-tie");
        assertThat(server.get("/api/v1/sites/demo/zones/bow-tie", server.operatorToken).statusCode()).isEqualTo(404);

        // Undo takes the last corner back; cancelling leaves the map as it was.
        page.find("#zone-undo").click();
        page.until(d -> page.all("#map .corner").size() == 4 && page.all("#zone-finish").size() == 1);
        page.find("#zone-cancel").click();
        page.until(ExpectedConditions.presenceOfElementLocated(By.id("zone-list")));
        assertThat(page.all("#map .corner")).isEmpty();
    }

    @Test
    @Order(5)
    void aVendorSeesOnlyItsOwnRobotsAndNoOperatorControlsWhichTheApiRefusesAnyway() {
        page.signIn(vendorToken, "en");
        page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "servewell"));
        Set<String> own = robots(server.operatorToken).stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("firm").equals("servewell")).map(r -> r.getString("id")).collect(Collectors.toSet());
        page.until(d -> !page.markerPositions().isEmpty());
        Browser.screenshot(driver, "04-vendor-L1");
        assertThat(page.markerPositions().keySet()).isNotEmpty().isSubsetOf(own);
        assertThat(robots(vendorToken).stream().map(r -> ((JsonObject) r).getString("firm")).collect(Collectors.toSet()))
                .containsExactly("servewell");

        // Zones are shown with their rules, but there is nothing to change them with.
        assertThat(page.all("#zone-new")).isEmpty();
        page.find("#zone-list a[data-zone=kitchen]").click();
        page.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#zone-details[data-zone=kitchen]")));
        assertThat(page.all("#zone-edit, #zone-delete, #zone-close, #zone-open")).isEmpty();

        // Calling an operator's endpoint with the vendor's token anyway is refused by the API.
        JsonObject square = new JsonObject().put("type", "Feature").put("geometry", new JsonObject().put("type", "Polygon")
                .put("coordinates", new JsonArray().add(new JsonArray().add(new JsonArray().add(40).add(10))
                        .add(new JsonArray().add(42).add(10)).add(new JsonArray().add(42).add(12))
                        .add(new JsonArray().add(40).add(10)))))
                .put("properties", new JsonObject().put("level", "L1").put("kind", "KEEP_OUT"));
        assertThat(server.post("/api/v1/sites/demo/zones", vendorToken, square).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(6)
    void inKoreanEveryVisibleLabelOfEveryPageIsKorean() {
        page.signIn(server.operatorToken, "ko");
        assertThat(page.find("#nav-map").getText()).isEqualTo("지도");
        List<String> found = new java.util.ArrayList<>();
        // The map with each side tab: zones (list, one zone, the editor's form), a robot, the live events.
        page.until(d -> !page.markerPositions().isEmpty());
        found.addAll(untranslated("map/zones"));
        page.find("#zone-list a[data-zone=kitchen]").click();
        page.until(ExpectedConditions.presenceOfElementLocated(By.id("zone-details")));
        page.find("#zone-show-history").click();
        page.until(d -> !page.all("#zone-history li").isEmpty());
        found.addAll(untranslated("map/zone"));
        page.find("#zone-back").click();
        page.find("#zone-new").click();
        page.find("#zone-add-window").click();
        found.addAll(untranslated("map/editor"));
        page.find("#zone-cancel").click();
        String robot = page.markerPositions().keySet().iterator().next();
        page.js("window.pgConsole.map.eachLayer(l => { const el = l.getElement && l.getElement();"
                + " if (el && el.querySelector && el.querySelector('.robot[data-robot=\"' + arguments[0] + '\"]')) l.fire('click'); });", robot);
        page.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#robot-panel[data-robot]")));
        found.addAll(untranslated("map/robot"));
        page.find("#tab-events").click();
        page.until(d -> !page.all("#map-events li").isEmpty());
        found.addAll(untranslated("map/events"));
        Browser.screenshot(driver, "05-korean-map");
        for (String name : List.of("tasks", "elevators", "events", "evidence")) {
            page.open(name);
            page.until(d -> page.all("#page .error:not(:empty)").isEmpty() && !page.find("#page").getText().isBlank());
            if (name.equals("tasks")) page.until(d -> !page.all("#task-list tr[data-task]").isEmpty());
            if (name.equals("elevators")) page.until(d -> !page.all("section.elevator").isEmpty());
            if (name.equals("events")) page.until(d -> !page.all("#event-list li").isEmpty() && !page.all("#incident-form").isEmpty());
            if (name.equals("evidence")) {
                page.find("#evidence-checkpoint-button").click();
                page.until(d -> !page.all("#checkpoint").isEmpty());
            }
            found.addAll(untranslated(name));
            Browser.screenshot(driver, "05-korean-" + name);
        }
        page.find("#sign-out").click();
        page.until(ExpectedConditions.presenceOfElementLocated(By.id("token")));
        found.addAll(untranslated("sign-in"));
        page.find("#sign-in-verify").click();
        page.until(ExpectedConditions.presenceOfElementLocated(By.id("verify-drop")));
        found.addAll(untranslated("verifier"));
        assertThat(found).as("visible text that is not Korean").isEmpty();

        @SuppressWarnings("unchecked")
        List<String> dictionary = (List<String>) driver.executeAsyncScript(Untranslated.DICTIONARY,
                Untranslated.SAME_IN_BOTH, Untranslated.LITERALS);
        assertThat(dictionary).as("ko.js entries that are missing or not Korean").isEmpty();
    }

    @Test
    @Order(7)
    void aBundleDownloadedFromTheEvidencePageIsValidOnTheVerifierPageAndATamperedCopyIsNotNamingTheLine()
            throws Exception {
        page.signIn(server.operatorToken, "en");
        page.open("evidence");
        new Select(page.find("#evidence-firm")).selectByValue("servewell");
        Path bundle = Browser.DOWNLOADS.resolve("proving-ground_demo_servewell.zip");
        Files.deleteIfExists(bundle);
        page.find("#evidence-download").click();
        page.until(Duration.ofSeconds(60), d -> !page.all("#kpis .kpi[data-metric='events.count']").isEmpty());
        page.until(d -> Files.isRegularFile(bundle) && !Files.exists(Path.of(bundle + ".crdownload")));
        Browser.screenshot(driver, "07-evidence");
        assertThat(page.find("#kpis .kpi[data-metric='events.count'] .value").getText()).matches("[0-9,]+");

        page.find("#nav-verify").click();
        page.until(ExpectedConditions.presenceOfElementLocated(By.id("verify-file"))).sendKeys(bundle.toString());
        page.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#verify-result .verdict")));
        Browser.screenshot(driver, "07-verify-valid");
        assertThat(page.find("#verify-result .verdict").getAttribute("data-valid"))
                .as(page.find("#verify-result").getText()).isEqualTo("true");
        assertThat(page.find("#verify-result").getText()).contains("proving-ground/demo/servewell");

        Path tampered = Browser.DOWNLOADS.resolve("tampered.zip");
        changeLine(bundle, tampered, "events.jsonl", 3);
        page.find("#verify-file").sendKeys(tampered.toString());
        page.until(d -> "false".equals(page.find("#verify-result .verdict").getAttribute("data-valid")));
        Browser.screenshot(driver, "07-verify-tampered");
        assertThat(page.find("#verify-problem").getText()).startsWith("events.jsonl line 3:");
    }

    /** A copy of the zip with one line of one entry changed by a single character, everything else as it was. */
    private static void changeLine(Path from, Path to, String entry, int line) throws Exception {
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(from));
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(to))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    String[] lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
                    assertThat(lines.length).as("lines of " + entry).isGreaterThan(line);
                    lines[line - 1] = lines[line - 1].replaceFirst("\"v\":1", "\"v\":2");
                    bytes = String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    @Test
    @Order(8)
    void aZoneIsReshapedByDraggingWithUndoItsHistoryShownAndADisinfectionZoneClosedAndReopened() {
        // A disinfection zone of the test's own: the demo's disinfection tasks close and open ward-301 by themselves.
        JsonObject ward = new JsonObject().put("type", "Feature").put("id", "console-ward")
                .put("geometry", new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(
                        new JsonArray().add(point(44, 20)).add(point(48, 20)).add(point(48, 24)).add(point(44, 24))
                                .add(point(44, 20)))))
                .put("properties", new JsonObject().put("level", "L3").put("kind", "DISINFECTION").put("name", "Test ward"));
        assertThat(server.post("/api/v1/sites/demo/zones", server.operatorToken, ward).statusCode()).isEqualTo(201);
        page.signIn(server.operatorToken, "en");
        page.find("#level-L3").click();
        page.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#zone-list a[data-zone='console-ward']"))).click();
        page.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#zone-details[data-zone='console-ward']")));

        page.find("#zone-close").click();
        page.until(ExpectedConditions.presenceOfElementLocated(By.id("zone-open")));
        assertThat(ward().getJsonObject("properties").getString("state")).isEqualTo("CLOSED");
        page.find("#zone-open").click();
        page.until(ExpectedConditions.presenceOfElementLocated(By.id("zone-close")));
        assertThat(ward().getJsonObject("properties").getString("state")).isEqualTo("OPEN");

        JsonArray before = ward().getJsonObject("geometry").getJsonArray("coordinates").getJsonArray(0);
        page.find("#zone-edit").click();
        page.until(d -> page.all("#map .corner").size() == before.size() - 1);
        int corners = before.size() - 1;
        // Dragging the handle between two corners inserts one; undo takes it away again.
        new org.openqa.selenium.interactions.Actions(driver).dragAndDropBy(page.insideMap("#map .insert", 60), 30, 30).perform();
        page.until(d -> page.all("#map .corner").size() == corners + 1);
        page.find("#zone-undo").click();
        page.until(d -> page.all("#map .corner").size() == corners);
        // Dragging a corner moves it; that is what is saved.
        org.openqa.selenium.WebElement corner = page.insideMap("#map .corner", 60);
        int index = page.all("#map .corner").indexOf(corner);
        new org.openqa.selenium.interactions.Actions(driver).dragAndDropBy(corner, 40, 0).perform();
        page.find("#zone-save").click();
        page.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#zone-details[data-zone='console-ward']")));
        JsonArray after = ward().getJsonObject("geometry").getJsonArray("coordinates").getJsonArray(0);
        assertThat(after).hasSize(before.size());
        // 40 px to the right is east in the level's frame: x grows, y stays (the ring may start at another corner).
        JsonArray moved = after.getJsonArray(index);
        assertThat(moved.getDouble(0)).isGreaterThan(before.getJsonArray(index).getDouble(0) + 0.5);
        assertThat(moved.getDouble(1)).isCloseTo(before.getJsonArray(index).getDouble(1),
                org.assertj.core.data.Offset.offset(0.3));

        page.find("#zone-show-history").click();
        page.until(d -> page.all("#zone-history li").size() >= 3);
        String history = page.find("#zone-history").getText();
        assertThat(history).contains("changed", "closed", "opened");
        Browser.screenshot(driver, "08-zone-history");

        // Undo of the last change puts the outline back as it was.
        page.find("#zone-undo-save").click();
        page.until(d -> ward().getJsonObject("geometry").getJsonArray("coordinates").getJsonArray(0).equals(before));
    }

    private JsonObject ward() {
        return server.get("/api/v1/sites/demo/zones/console-ward", server.operatorToken).bodyAsJsonObject();
    }

    private static JsonArray point(double x, double y) {
        return new JsonArray().add(x).add(y);
    }

    @Test
    @Order(9)
    void incidentsAndInterventionsAreRecordedFromFormsAndElevatorRulesChangedFromTheirEditor() {
        page.signIn(server.operatorToken, "en");
        page.open("events");
        new Select(page.until(ExpectedConditions.presenceOfElementLocated(By.id("event-type")))).selectByValue("incident");
        new Select(page.until(ExpectedConditions.presenceOfElementLocated(By.id("incident-severity")))).selectByValue("MODERATE");
        page.find("#incident-description").sendKeys("A guest tripped over the console test's robot");
        page.find("#incident-form button[type=submit]").click();
        // The live feed brings the event into the filtered list.
        page.until(d -> page.all("#event-list li").stream().anyMatch(li -> li.getText().contains("console test's robot")));
        assertThat(page.all("#event-list li")).allMatch(li -> "incident".equals(li.getAttribute("data-type")));

        String robot = new Select(page.find("#intervention-robot")).getFirstSelectedOption().getAttribute("value");
        new Select(page.find("#intervention-kind")).selectByValue("TELEOP");
        page.find("#intervention-reason").sendKeys("driven around a stroller");
        page.find("#intervention-seconds").sendKeys("42");
        page.find("#intervention-form button[type=submit]").click();
        page.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#intervention-form .error"),
                "Recorded"));
        JsonArray interventions = server.get("/api/v1/events?type=intervention&robot=" + robot, server.operatorToken)
                .bodyAsJsonObject().getJsonArray("events");
        assertThat(interventions.stream().map(JsonObject.class::cast))
                .anyMatch(e -> e.getString("reason").startsWith("driven around a stroller") && e.getDouble("resolveSeconds") == 42.0);

        page.open("elevators");
        String e2 = "section.elevator[data-elevator=E2]";
        page.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(e2 + " details.rules-editor"))).click();
        var max = page.find(e2 + " input[name=max]");
        max.clear();
        // The demo lets two robots share E2's car; one is a change the page must make.
        max.sendKeys("1");
        page.find(e2 + " textarea[name=peaks]").sendKeys("MONDAY,FRIDAY 08:00-09:30");
        page.find(e2 + " form button[type=submit]").click();
        page.until(d -> rules("E2").getInteger("maxRobotsPerCar") == 1);
        assertThat(rules("E2").getJsonArray("peakWindows").getJsonObject(0).getString("from")).isEqualTo("08:00");
        // The server keeps a window per day; the page shows the rules as stored.
        page.until(d -> page.find(e2).getText().contains("Mon 08:00–09:30") && page.find(e2).getText().contains("Fri 08:00–09:30"));
        Browser.screenshot(driver, "09-elevators");
    }

    @Test
    @Order(10)
    void aVendorSeesWhyItsRobotsStateWasRefusedWithThePointerOfTheWrongValue() {
        var registered = server.post("/api/v1/robots", server.operatorToken, new JsonObject().put("manufacturer", "ConsoleTest")
                .put("serialNumber", "BAD-1").put("firm", "servewell").put("profile", "serving").put("site", "demo"));
        assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);
        JsonObject mqtt = registered.bodyAsJsonObject().getJsonObject("robot").getJsonObject("mqtt");
        try (TestRobot robot = TestRobot.create(server.vertx, "ConsoleTest", "BAD-1", mqtt.getString("username"),
                mqtt.getString("password"))) {
            robot.connectOnline(server.server.mqttPort());
            // A state whose battery charge is text: what a robot with a bug in its encoder sends.
            JsonObject state = new JsonObject(Buffer.buffer(new Vda5050Codec().encode(robot.state("L1", 1, 1, 80)
                    .withHeader(new Header(1, java.time.Instant.now(), "2.1.0", "ConsoleTest", "BAD-1")))));
            state.getJsonObject("batteryState").put("batteryCharge", "full");
            robot.publishRaw(robot.topic(Topic.STATE), state.encode().getBytes(java.nio.charset.StandardCharsets.UTF_8));

            page.signIn(vendorToken, "en");
            page.open("events");
            String refused = "#refused-list li[data-reason=INVALID_MESSAGE]";
            page.until(d -> {
                if (!page.all(refused).isEmpty()) return true;
                page.find("#refused-refresh").click();
                return false;
            });
            Browser.screenshot(driver, "10-refused-messages");
            assertThat(page.find(refused).getText()).contains("BAD-1/state", "/batteryState/batteryCharge", "Invalid message");
        }
    }

    private JsonObject rules(String elevator) {
        return server.get("/api/v1/sites/demo/elevators", server.operatorToken).bodyAsJsonObject().getJsonArray("elevators")
                .stream().map(JsonObject.class::cast).filter(e -> e.getString("id").equals(elevator)).findFirst()
                .orElseThrow().getJsonObject("rules");
    }

    @SuppressWarnings("unchecked")
    private List<String> untranslated(String where) {
        List<String> found = (List<String>) page.js(Untranslated.VISIBLE, Untranslated.SAME_IN_BOTH, Untranslated.LITERALS);
        return found.stream().map(s -> where + " " + s).toList();
    }

    private static Set<String> moved(Map<String, List<Number>> before, Map<String, List<Number>> now) {
        return now.entrySet().stream().filter(e -> before.containsKey(e.getKey()))
                .filter(e -> distance(before.get(e.getKey()), e.getValue()) > 0.05).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static double distance(List<Number> a, List<Number> b) {
        return Math.hypot(a.get(0).doubleValue() - b.get(0).doubleValue(), a.get(1).doubleValue() - b.get(1).doubleValue());
    }

    private JsonObject level(String id) {
        JsonObject site = server.get("/api/v1/sites/demo", server.operatorToken).bodyAsJsonObject();
        return site.getJsonArray("levels").stream().map(JsonObject.class::cast).filter(l -> l.getString("id").equals(id))
                .findFirst().orElseThrow();
    }

    private Set<String> zoneIds() {
        return server.get("/api/v1/sites/demo/zones", server.operatorToken).bodyAsJsonObject().getJsonArray("features")
                .stream().map(f -> String.valueOf(((JsonObject) f).getValue("id"))).collect(Collectors.toSet());
    }

    private JsonArray robots(String token) {
        return server.get("/api/v1/robots", token).bodyAsJsonObject().getJsonArray("robots");
    }

    private JsonObject robotJson(String id) {
        return server.get("/api/v1/robots/" + id, server.operatorToken).bodyAsJsonObject();
    }

    @Test
    @Order(20)
    void aFloorPlanUploadedThroughThePageLiesUnderTheGraphAtItsScaleAndOriginAndABadFileChangesNothing()
            throws Exception {
        page.signIn(server.operatorToken, "en");
        soon(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#level-L1.active")));
        // Earlier tests' refusals and the page signed out by this sign-in (its polling with the cleared token) are
        // in the log already: only what this test's page does is judged below.
        Browser.consoleErrors(driver);
        page.find("#tab-plan").click();
        soon(ExpectedConditions.presenceOfElementLocated(By.id("plan-none")));
        long versions = siteVersions();

        // A file that starts like a PNG but is not one: the server's reason is listed and nothing is saved.
        Path fake = Browser.SCREENSHOTS.resolveSibling("fake-plan.png").toAbsolutePath();
        Files.write(fake, java.util.Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 64));
        page.find("#plan-file").sendKeys(fake.toString());
        page.find("#plan-upload").click();
        soon(d -> page.find("#plan-problems").getText().contains("not a readable PNG"));
        assertThat(siteVersions()).isEqualTo(versions);
        assertThat(page.all("#map img.floor-plan")).isEmpty();

        // A 440 × 260 px plan at 0.05 m per pixel with its lower-left corner at (-0.5, -0.5): 22 m × 13 m.
        Path plan = Browser.SCREENSHOTS.resolveSibling("plan-L1.png").toAbsolutePath();
        Files.write(plan, planImage(440, 260));
        page.find("#plan-file").sendKeys(plan.toString());
        type("#plan-scale", "0.05");
        type("#plan-origin-x", "-0.5");
        type("#plan-origin-y", "-0.5");
        page.find("#plan-upload").click();
        soon(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map img.floor-plan")));
        soon(d -> (Boolean) page.js("const i = document.querySelector('#map img.floor-plan');"
                + " return i.complete && i.naturalWidth === 440 && i.naturalHeight === 260;"));
        JsonObject stored = level("L1").getJsonObject("floorPlan");
        assertThat(stored.getInteger("widthPx")).isEqualTo(440);
        assertThat(stored.getDouble("metresPerPixel")).isEqualTo(0.05);
        assertThat(stored.getJsonObject("origin")).isEqualTo(new JsonObject().put("x", -0.5).put("y", -0.5));
        assertThat(siteVersions()).isEqualTo(versions + 1);
        assertThat(page.find("#plan-current").getText()).contains("440 × 260");

        // Where Leaflet put it: its bounds in metres and, on screen, under the lanes with the plan's proportions.
        @SuppressWarnings("unchecked")
        List<Number> bounds = (List<Number>) page.js("""
                let out = null;
                window.pgConsole.map.eachLayer(l => {
                  const el = l.getElement && l.getElement();
                  if (el && el.classList && el.classList.contains('floor-plan') && l.getBounds) {
                    const b = l.getBounds(); out = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
                  }
                });
                return out;""");
        double[] metres = {-0.5, -0.5, 21.5, 12.5}; // west, south, east, north
        for (int i = 0; i < metres.length; i++)
            assertThat(bounds.get(i).doubleValue()).as("bound %s", i)
                    .isCloseTo(metres[i], org.assertj.core.data.Offset.offset(1e-9));
        var img = page.find("#map img.floor-plan").getRect();
        assertThat((double) img.getWidth() / img.getHeight()).isCloseTo(440.0 / 260, org.assertj.core.data.Offset.offset(0.02));
        assertThat(page.js("return getComputedStyle(document.querySelector('#map img.floor-plan').parentElement).zIndex"))
                .isEqualTo("350");
        Browser.screenshot(driver, "20-floor-plan-L1");

        // Every new label in Korean, the plan's form included.
        new Select(page.find("#language")).selectByValue("ko");
        soon(d -> page.find("#tab-plan").getText().equals("평면도"));
        page.find("#tab-plan").click();
        soon(ExpectedConditions.presenceOfElementLocated(By.id("plan-form")));
        List<String> found = new java.util.ArrayList<>(untranslated("map/plan"));
        page.find("#level-OUT").click();
        soon(ExpectedConditions.presenceOfElementLocated(By.id("frame-switch")));
        found.addAll(untranslated("map/OUT"));
        page.find("#frame-switch").click();
        soon(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#frame-switch[data-frame=wgs84]")));
        page.find("#tab-plan").click();
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(page.find("#map")).perform();
        soon(d -> page.find("#cursor-position").getText().contains("북위"));
        found.addAll(untranslated("map/OUT-wgs84"));
        Browser.screenshot(driver, "20-korean-plan-tab-OUT-wgs84");
        assertThat(found).as("visible text that is not Korean").isEmpty();
        page.find("#frame-switch").click();
        soon(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#frame-switch[data-frame=local]")));
        new Select(page.find("#language")).selectByValue("en");
        soon(d -> page.find("#tab-plan").getText().equals("Floor plan"));
        page.find("#tab-plan").click();

        // Removed from the page: the overlay goes, the image stays with the earlier version.
        page.find("#level-L1").click();
        soon(ExpectedConditions.presenceOfElementLocated(By.id("plan-remove"))).click();
        soon(d -> page.all("#map img.floor-plan").isEmpty() && !page.all("#plan-none").isEmpty());
        assertThat(level("L1").containsKey("floorPlan")).isFalse();
        assertThat(server.get("/api/v1/sites/demo/floor-plans/" + stored.getString("image"), server.operatorToken)
                .statusCode()).isEqualTo(200);
        assertThat(Browser.consoleErrors(driver)).noneMatch(e -> e.contains("/js/"));
    }

    @Test
    @Order(21)
    void theOutdoorLevelShownInWgs84PlacesGraphAndRobotsWhereTheSitesAnchorPutsThem() {
        page.signIn(server.operatorToken, "en");
        soon(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#level-L1.active")));
        assertThat(page.all("#frame-switch")).as("offered for the outdoor level only").isEmpty();
        page.find("#level-OUT").click();
        JsonObject out = level("OUT");
        int lanes = out.getJsonArray("lanes").size();
        soon(d -> page.all("#map path.lane").size() == lanes);
        page.find("#frame-switch").click();
        soon(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#frame-switch[data-frame=wgs84]")));
        soon(d -> page.all("#map path.lane").size() == lanes);
        assertThat(page.all("#map path.zone")).as("the outdoor zones").hasSize((int) zonesOn("OUT"));

        // Every waypoint where the server's own conversion (GeoAnchor) puts it.
        dev.provingground.geofence.GeoAnchor anchor = DemoSite.load().geoAnchor();
        List<double[]> expected = out.getJsonArray("waypoints").stream().map(JsonObject.class::cast)
                .map(w -> anchor.toWgs84(w.getDouble("x"), w.getDouble("y"))).sorted(java.util.Comparator
                        .<double[]>comparingDouble(p -> p[1]).thenComparingDouble(p -> p[0])).toList();
        @SuppressWarnings("unchecked")
        List<List<Number>> shown = (List<List<Number>>) page.js("""
                const out = [];
                window.pgConsole.map.eachLayer(l => {
                  const el = l.getElement && l.getElement();
                  if (el && el.classList && el.classList.contains('waypoint')) { const p = l.getLatLng(); out.push([p.lng, p.lat]); }
                });
                return out.sort((a, b) => a[1] - b[1] || a[0] - b[0]);""");
        assertThat(shown).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(shown.get(i).get(0).doubleValue()).as("longitude of waypoint %s", i)
                    .isCloseTo(expected.get(i)[0], org.assertj.core.data.Offset.offset(1e-9));
            assertThat(shown.get(i).get(1).doubleValue()).as("latitude of waypoint %s", i)
                    .isCloseTo(expected.get(i)[1], org.assertj.core.data.Offset.offset(1e-9));
        }
        // The sidewalk robots are drawn inside the level's extent on the Earth (with 20 m to spare).
        double[] box = extent(expected, 20 / 111_000.0);
        soon(d -> !page.markerPositions().isEmpty());
        assertThat(page.markerPositions().values()).allSatisfy(p -> {
            assertThat(p.get(0).doubleValue()).isBetween(box[0], box[2]);
            assertThat(p.get(1).doubleValue()).isBetween(box[1], box[3]);
        });

        // The cursor's coordinates: over the first waypoint, its latitude and longitude.
        double[] first = expected.get(0);
        @SuppressWarnings("unchecked")
        Map<String, Number> px = (Map<String, Number>) page.js(
                "const p = window.pgConsole.map.latLngToContainerPoint([arguments[1], arguments[0]]); return {x: p.x, y: p.y};",
                first[0], first[1]);
        var size = page.find("#map").getSize();
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(page.find("#map"),
                (int) Math.round(px.get("x").doubleValue() - size.getWidth() / 2.0),
                (int) Math.round(px.get("y").doubleValue() - size.getHeight() / 2.0)).perform();
        soon(d -> page.find("#cursor-position").getText().contains("° N"));
        String cursor = page.find("#cursor-position").getText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9.]+)° N, ([0-9.]+)° E").matcher(cursor);
        assertThat(m.find()).as(cursor).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(first[1], org.assertj.core.data.Offset.offset(2e-5));
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(first[0], org.assertj.core.data.Offset.offset(2e-5));
        Browser.screenshot(driver, "21-wgs84-OUT");

        // Back to metres; leaving the outdoor level leaves the WGS 84 view.
        page.find("#frame-switch").click();
        soon(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#frame-switch[data-frame=local]")));
        page.find("#level-L1").click();
        soon(d -> page.all("#frame-switch").isEmpty());
    }

    /** Waits like {@code page.until}, but looks every 50 ms: these steps mostly wait on one answer of the server. */
    private <T> T soon(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return new org.openqa.selenium.support.ui.WebDriverWait(driver, ConsolePage.WAIT, Duration.ofMillis(50))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** [minLon, minLat, maxLon, maxLat] of the points ({lon, lat}), widened by `margin` degrees. */
    private static double[] extent(List<double[]> points, double margin) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] p : points) {
            box[0] = Math.min(box[0], p[0] - margin);
            box[1] = Math.min(box[1], p[1] - margin);
            box[2] = Math.max(box[2], p[0] + margin);
            box[3] = Math.max(box[3], p[1] + margin);
        }
        return box;
    }

    private void type(String css, String text) {
        var input = page.find(css);
        input.clear();
        input.sendKeys(text);
    }

    private long siteVersions() {
        return server.get("/api/v1/sites/demo/history", server.operatorToken).bodyAsJsonObject()
                .getJsonArray("history").size();
    }

    private long zonesOn(String level) {
        return server.get("/api/v1/sites/demo/zones", server.operatorToken).bodyAsJsonObject().getJsonArray("features")
                .stream().filter(f -> level.equals(((JsonObject) f).getJsonObject("properties").getString("level")))
                .count();
    }

    /** A floor plan to look at: walls on a light ground, a 1 m grid at 0.05 m per pixel. */
    private static byte[] planImage(int width, int height) throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(0xfdf6e3));
        g.fillRect(0, 0, width, height);
        g.setColor(new java.awt.Color(0xd9cfb3));
        for (int x = 0; x < width; x += 20) g.drawLine(x, 0, x, height);
        for (int y = 0; y < height; y += 20) g.drawLine(0, y, width, y);
        g.setColor(new java.awt.Color(0x5b4636));
        g.setStroke(new java.awt.BasicStroke(6));
        g.drawRect(10, 10, width - 20, height - 20);
        g.drawLine(width / 2, 10, width / 2, height / 2);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    @Order(100)
    void theDeliveryRequestedByPickingPlacesCompletesAcrossFloorsAndTheListFollowsItToTheEnd() {
        assertThat(delivery).as("requested by the earlier test").isNotNull();
        page.signIn(server.operatorToken, "en");
        page.open("tasks");
        String deliveryRow = "#task-list tr[data-task='" + delivery + "']";
        page.until(Duration.ofMinutes(5), d -> "completed".equals(page.find(deliveryRow).getAttribute("data-status")));
        Browser.screenshot(driver, "06-tasks-completed");
        assertThat(server.get("/api/v1/tasks/" + delivery, server.operatorToken).bodyAsJsonObject().getString("status"))
                .isEqualTo("completed");
    }
}
