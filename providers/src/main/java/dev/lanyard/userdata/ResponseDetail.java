package dev.lanyard.userdata;

/**
 * One entry of seed 004's {@code responseDetails}: {@code code}, {@code subCode}, {@code description}, {@code url}.
 * Codes the seed lists keep its numbers (400/505 addressLine1, 1040/0 one default phone, 5/362 locked account, 2/60 ...);
 * rules the seed states without a code use Lanyard's 400/9xx, listed in README. Descriptions name the field and the
 * rule, never the value sent.
 */
public record ResponseDetail(int code, int subCode, String description, String url) {

    public static final String URL = "http://tbd";

    public ResponseDetail(int code, int subCode, String description) {
        this(code, subCode, description, URL);
    }

    public static final ResponseDetail SUCCESS = new ResponseDetail(0, 0, "operation is successful");
    public static final ResponseDetail LOCKED_ACCOUNT = new ResponseDetail(5, 362, "A user profile cannot be updated for a locked account");
    public static final ResponseDetail ONE_DEFAULT_PHONE = new ResponseDetail(1040, 0, "There can only be one default phone.");
    public static final ResponseDetail SSN_ACTIVE_LIMIT = new ResponseDetail(2, 60, "Number of Active Accounts Exceeded.");
    public static final ResponseDetail SSN_LIFETIME_LIMIT = new ResponseDetail(2, 61, "Number of Activated Accounts over Lifetime exceeded.");
    public static final ResponseDetail PHONE_ACTIVE_LIMIT = new ResponseDetail(2, 63, "Number of Active Accounts Exceeded.");
    public static final ResponseDetail PHONE_LIFETIME_LIMIT = new ResponseDetail(2, 66, "Number of Activated Accounts over Lifetime exceeded");
    public static final ResponseDetail KYC_ADDRESS = new ResponseDetail(400, 909,
            "KYC requires a home address that contains addressLine1 and either (city and state) or zipCode.");
}
