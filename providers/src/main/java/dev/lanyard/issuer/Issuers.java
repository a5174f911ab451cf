package dev.lanyard.issuer;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Issuer associations, without a server. A site client names its issuer in the client attribute {@value #SITE_ISSUER};
 * a back-office client lists the issuers it serves in {@value #ISSUERS} (comma-separated), an agent in the user attribute
 * of the same name. An issuer is a name, compared exactly after trimming.
 */
public final class Issuers {

    /** Client attribute of a site: the issuer whose cardholders register to it. */
    public static final String SITE_ISSUER = "lanyard.issuer";
    /** Client attribute of a back-office client, or user attribute of an agent: the issuers it may serve. */
    public static final String ISSUERS = "lanyard.issuers";
    /** Realm role of a person who may use the concierge endpoints (with the issuers of their {@value #ISSUERS}). */
    public static final String AGENT_ROLE = "lanyard-concierge";

    private static final int MAX_NAME = 255;

    private Issuers() {
    }

    /** The issuers a comma-separated list names, in order, each once; blanks and over-long names are left out. */
    public static Set<String> parse(String list) {
        Set<String> issuers = new LinkedHashSet<>();
        if (list == null) {
            return issuers;
        }
        Arrays.stream(list.split(",")).map(String::trim).filter(name -> !name.isEmpty() && name.length() <= MAX_NAME)
                .forEach(issuers::add);
        return issuers;
    }
}
