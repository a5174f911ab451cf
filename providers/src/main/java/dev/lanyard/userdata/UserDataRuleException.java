package dev.lanyard.userdata;

import java.util.List;

/** The seed 004 rules a body breaks, each with its code and subCode; answered as HTTP 400 with all of them. */
public final class UserDataRuleException extends RuntimeException {

    private final List<ResponseDetail> details;

    public UserDataRuleException(List<ResponseDetail> details) {
        super(details.size() + " rule(s) broken", null, false, false);
        this.details = List.copyOf(details);
    }

    public List<ResponseDetail> details() {
        return details;
    }
}
