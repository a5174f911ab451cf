package dev.lanyard.testing;

import java.time.Duration;

import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every browser test does with Keycloak's login pages. */
public final class LoginBrowser {

    static final Duration WAIT = Duration.ofSeconds(10);

    private LoginBrowser() {
    }

    /** Drops Keycloak's cookies (an SSO session of an earlier test): they are visible under the realm's path only. */
    public static void forgetKeycloakSession(ManagedWebDriver browser) {
        forgetKeycloakSession(browser, DemoRealm.NAME);
    }

    public static void forgetKeycloakSession(ManagedWebDriver browser, String realm) {
        browser.open(Api.realmUrl(realm) + "/.well-known/openid-configuration");
        browser.cookies().deleteAll();
    }

    /** Clicks a submit button and waits until the browser has left the current page. */
    public static void submitAndWait(WebDriver driver, By button) {
        WebElement current = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(current));
    }

    public static void awaitPresent(WebDriver driver, By element) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    /** Types into a field, replacing what it held. */
    public static void type(WebDriver driver, By field, String text) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(text);
    }
}
