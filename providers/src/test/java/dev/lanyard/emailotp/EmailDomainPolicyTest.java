package dev.lanyard.emailotp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmailDomainPolicyTest {

    @Test
    void emptyAllowsAnyDomain() {
        assertTrue(EmailDomainPolicy.parse(null).allows("a@anything.example"));
        assertTrue(EmailDomainPolicy.parse("  ").allows("a@anything.example"));
    }

    @Test
    void listedDomainsOnlyAndCaseDoesNotMatter() {
        EmailDomainPolicy policy = EmailDomainPolicy.parse("example.com, @Example.org");
        assertTrue(policy.allows("a@example.com"));
        assertTrue(policy.allows("a@EXAMPLE.COM"));
        assertTrue(policy.allows("a@example.org"));
        assertFalse(policy.allows("a@example.net"));
        assertFalse(policy.allows("a@sub.example.com"), "exact domain only");
        assertFalse(policy.allows("a@example.com.evil.test"));
        assertFalse(policy.allows("a@evilexample.com"));
    }

    @Test
    void wildcardAllowsSubdomainsOnly() {
        EmailDomainPolicy policy = EmailDomainPolicy.parse("*.bank.test");
        assertTrue(policy.allows("a@eu.bank.test"));
        assertTrue(policy.allows("a@x.eu.bank.test"));
        assertFalse(policy.allows("a@bank.test"));
        assertFalse(policy.allows("a@evilbank.test"));
    }

    @Test
    void keycloakMultivaluedSeparatorIsUnderstood() {
        EmailDomainPolicy policy = EmailDomainPolicy.parse("a.test##b.test");
        assertTrue(policy.allows("x@a.test"));
        assertTrue(policy.allows("x@b.test"));
    }

    @Test
    void addressesWithoutDomainAreRefusedWhenRestricted() {
        EmailDomainPolicy policy = EmailDomainPolicy.parse("a.test");
        assertFalse(policy.allows("nobody"));
        assertFalse(policy.allows("nobody@"));
        assertFalse(policy.allows(null));
    }
}
