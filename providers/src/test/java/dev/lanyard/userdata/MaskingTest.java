package dev.lanyard.userdata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void theSeedsSampleMasks() {
        assertEquals("*****E Foothill Blvd", Masking.addressLine1("1234 E Foothill Blvd"));
        assertEquals("PO Box 12", Masking.addressLine1("PO Box 12"), "no house number, nothing to mask");
        assertEquals("22******07", Masking.phone("2212345607"));
    }

    @Test
    void phonesUpdateInPlaceByTypeAndNeverDelete() {
        UserData.Phone mobile = new UserData.Phone("2125550107", "mobile", true);
        UserData.Phone home = new UserData.Phone("2125550151", "home", false);
        assertEquals(List.of(new UserData.Phone("2125550199", "work", true)),
                PhoneMerge.merge(List.of(mobile), List.of(new UserData.Phone("2125550199", "work", true))), "one stored: updated in place, type too");
        List<UserData.Phone> merged = PhoneMerge.merge(List.of(mobile, home), List.of(new UserData.Phone("2125550100", "home", true),
                new UserData.Phone("2125550111", "work", false)));
        assertEquals(List.of(new UserData.Phone("2125550107", "mobile", false), new UserData.Phone("2125550100", "home", true),
                new UserData.Phone("2125550111", "work", false)), merged, "same type updated, new type added, the given default the only one");
    }
}
