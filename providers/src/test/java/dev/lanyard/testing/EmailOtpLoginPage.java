package dev.lanyard.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The two pages of the email one-time-code step, as a person sees and uses them. */
public final class EmailOtpLoginPage {

    private static final By IDENTIFY_FORM = By.id("kc-lanyard-email-otp-identify");
    private static final By CODE_FORM = By.id("kc-lanyard-email-otp-code");

    private final WebDriver driver;

    public EmailOtpLoginPage(WebDriver driver) {
        this.driver = driver;
    }

    public boolean isIdentifyPage() {
        return present(IDENTIFY_FORM);
    }

    public boolean isCodePage() {
        return present(CODE_FORM);
    }

    public EmailOtpLoginPage identify(String emailOrUsername) {
        return fillAndSubmit(IDENTIFY_FORM, By.id("username"), emailOrUsername);
    }

    public EmailOtpLoginPage enterCode(String code) {
        return fillAndSubmit(CODE_FORM, By.id("otp"), code);
    }

    public EmailOtpLoginPage resend() {
        await(CODE_FORM);
        LoginBrowser.submitAndWait(driver, By.id("kc-resend"));
        return this;
    }

    private EmailOtpLoginPage fillAndSubmit(By form, By field, String text) {
        await(form);
        LoginBrowser.type(driver, field, text);
        LoginBrowser.submitAndWait(driver, By.id("kc-login"));
        return this;
    }

    public EmailOtpLoginPage awaitCodePage() {
        await(CODE_FORM);
        return this;
    }

    /** The page's info/success/error banner (Keycloak's {@code message}), or "". */
    public String banner() {
        return driver.findElements(By.cssSelector("[class*='alert']")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).findFirst().orElse("");
    }

    /** The error shown under a field ("username" or "otp"), or "". */
    public String fieldError(String field) {
        return driver.findElements(By.id("input-error-" + field)).stream().map(WebElement::getText).findFirst().orElse("");
    }

    public String heading() {
        return driver.findElement(By.id("kc-page-title")).getText();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Keeps a picture of the page under target/screenshots, for people reviewing a failure or the UI. */
    public void screenshot(String name) {
        if (driver instanceof TakesScreenshot camera) {
            try {
                Path dir = Path.of("target", "screenshots");
                Files.createDirectories(dir);
                Files.write(dir.resolve(name + ".png"), camera.getScreenshotAs(OutputType.BYTES));
            } catch (IOException e) {
                throw new AssertionError("Cannot save screenshot", e);
            }
        }
    }

    private void await(By form) {
        new WebDriverWait(driver, LoginBrowser.WAIT).until(d -> present(form));
    }

    private boolean present(By by) {
        try {
            return driver.findElement(by).isDisplayed();
        } catch (NoSuchElementException | StaleElementReferenceException e) {
            return false;
        }
    }
}
