package dev.lanyard.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Browser tests: skipped, with the reason, where Debian's Chromium and chromedriver are not installed. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RequiresChromium.Condition.class)
public @interface RequiresChromium {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return SuiteEnvironment.chromiumAvailable()
                    ? ConditionEvaluationResult.enabled("chromedriver found")
                    : ConditionEvaluationResult.disabled("Chromium browser tests need Debian's chromium and chromium-driver packages");
        }
    }
}
