package dev.lanyard.rest;

import dev.lanyard.LanyardSpi;

/** SPI {@value #NAME}: where the REST kit reports each call for the audit trail. */
public final class CallAuditSpi extends LanyardSpi {

    public static final String NAME = "lanyard-call-audit";

    public CallAuditSpi() {
        super(NAME, CallAudit.class, CallAuditProviderFactory.class);
    }
}
