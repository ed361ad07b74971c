package dev.provingground.app.console;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The console as a person uses it: sign in, switch pages and levels, click on the map at a point of the level. */
final class ConsolePage {

    static final Duration WAIT = Duration.ofSeconds(20);
    final ChromeDriver driver;
    final String baseUrl;

    ConsolePage(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Opens the console in a fresh tab state, in `language`, and signs in by typing the token. */
    void signIn(String token, String language) {
        driver.get(baseUrl + "/");
        driver.executeScript("sessionStorage.clear(); localStorage.setItem('pg.lang', arguments[0]);", language);
        driver.navigate().refresh();
        WebElement input = until(ExpectedConditions.elementToBeClickable(By.id("token")));
        input.sendKeys(token);
        driver.findElement(By.id("sign-in")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
    }

    void open(String page) {
        driver.findElement(By.id("nav-" + page)).click();
        until(d -> d.getCurrentUrl().endsWith("#/" + page));
    }

    <T> T until(Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return until(WAIT, condition);
    }

    /** Lists the page rebuilds as the API's answers change are read again when an element went stale. */
    <T> T until(Duration wait, Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, wait).ignoring(StaleElementReferenceException.class).until(condition);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Robot id → [x, y] of the markers the map shows now, read from where Leaflet put them (metres). */
    @SuppressWarnings("unchecked")
    Map<String, List<Number>> markerPositions() {
        return (Map<String, List<Number>>) js("""
                const map = window.pgConsole.map, out = {};
                map.eachLayer(l => {
                  const el = l.getElement && l.getElement();
                  const robot = el && el.querySelector && el.querySelector('.robot');
                  if (robot && l.getLatLng) { const p = l.getLatLng(); out[robot.dataset.robot] = [p.lng, p.lat]; }
                });
                return out;""");
    }

    /** A real mouse click on the map at (x, y) metres of the shown level. */
    void clickMapAt(double x, double y) {
        WebElement map = find("#map");
        @SuppressWarnings("unchecked")
        Map<String, Number> px = (Map<String, Number>) js(
                "const p = window.pgConsole.map.latLngToContainerPoint([arguments[1], arguments[0]]); return {x: p.x, y: p.y};",
                x, y);
        var size = map.getSize();
        // Selenium offsets count from the element's centre.
        int dx = (int) Math.round(px.get("x").doubleValue() - size.getWidth() / 2.0);
        int dy = (int) Math.round(px.get("y").doubleValue() - size.getHeight() / 2.0);
        new Actions(driver).moveToElement(map, dx, dy).click().perform();
    }

    /** The first element matching `css` that sits well inside the map's visible area, where a drag can reach it. */
    WebElement insideMap(String css, int margin) {
        return (WebElement) js("""
                const map = document.getElementById('map').getBoundingClientRect(), m = arguments[1];
                return [...document.querySelectorAll(arguments[0])].find(el => {
                  const r = el.getBoundingClientRect();
                  return r.left > map.left + m && r.right < map.right - m && r.top > map.top + m && r.bottom < map.bottom - m;
                }) || null;""", css, margin);
    }

    /** Where a problem pin sits, in metres of the level. */
    @SuppressWarnings("unchecked")
    List<List<Number>> problemPins() {
        return (List<List<Number>>) js("""
                const out = [];
                window.pgConsole.map.eachLayer(l => {
                  const el = l.getElement && l.getElement();
                  if (el && el.classList && el.classList.contains('problem-pin')) { const p = l.getLatLng(); out.push([p.lng, p.lat]); }
                });
                return out;""");
    }
}
