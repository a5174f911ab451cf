package dev.lanyard.emailotp;

import static dev.lanyard.emailotp.EmailOtpConfig.*;

import java.util.List;
import java.util.stream.IntStream;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The execution settings shown in the admin console, declared once with their help texts. */
final class EmailOtpConfigProperties {

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
                .name(CODE_LENGTH)
                .label("Code length")
                .helpText("Number of digits in the emailed code (" + MIN_CODE_LENGTH + " to " + MAX_CODE_LENGTH
                        + "). Longer codes are harder to guess and slower to type.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(IntStream.rangeClosed(MIN_CODE_LENGTH, MAX_CODE_LENGTH).mapToObj(Integer::toString).toList())
                .defaultValue(Integer.toString(DEFAULT_CODE_LENGTH))
                .add()
            .property()
                .name(LIFETIME_SECONDS)
                .label("Code lifetime (seconds)")
                .helpText("How long a code can be used after it is sent, in seconds (" + MIN_LIFETIME_SECONDS + " to "
                        + MAX_LIFETIME_SECONDS + ", i.e. at most 10 minutes). Values outside the range are clamped into it.")
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(Integer.toString(DEFAULT_LIFETIME_SECONDS))
                .add()
            .property()
                .name(MAX_ATTEMPTS)
                .label("Attempts per code")
                .helpText("Wrong entries allowed for one code (" + MIN_MAX_ATTEMPTS + " to " + MAX_MAX_ATTEMPTS
                        + "); after the last one the code is voided and a new one must be requested. Every wrong entry"
                        + " also counts in the realm's brute-force detection, which locks the user after its failure limit.")
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(Integer.toString(DEFAULT_MAX_ATTEMPTS))
                .add()
            .property()
                .name(RESEND_COOLDOWN_SECONDS)
                .label("Resend cooldown (seconds)")
                .helpText("Minimum time between two codes for the same person and sign-in, in seconds (" + MIN_RESEND_COOLDOWN_SECONDS
                        + " to " + MAX_RESEND_COOLDOWN_SECONDS + "). Protects mailboxes from floods of codes.")
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(Integer.toString(DEFAULT_RESEND_COOLDOWN_SECONDS))
                .add()
            .property()
                .name(ALLOWED_DOMAINS)
                .label("Allowed email domains")
                .helpText("Email domains that may sign in with a code, e.g. example.com; *.example.com allows its subdomains."
                        + " Leave empty to allow any domain. An address at another domain is refused before any lookup,"
                        + " so the answer does not depend on whether an account exists.")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .add()
            .build();

    private EmailOtpConfigProperties() {
    }
}
