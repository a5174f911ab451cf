package dev.lanyard.userdata;

import java.util.ArrayList;
import java.util.List;

/**
 * Seed 004's phone update rules: a single stored number is updated in place with the given number and type, even if
 * the type changes; with more than one, a given type updates the stored number of that type and a new type is added.
 * Nothing is deleted. The given default, if any, becomes the only default.
 */
public final class PhoneMerge {

    private PhoneMerge() {
    }

    public static List<UserData.Phone> merge(List<UserData.Phone> stored, List<UserData.Phone> given) {
        List<UserData.Phone> merged = new ArrayList<>(stored);
        if (merged.size() == 1 && given.size() == 1) {
            merged.set(0, given.get(0));
        } else {
            for (UserData.Phone phone : given) {
                int same = -1;
                for (int i = 0; i < merged.size(); i++) {
                    if (merged.get(i).type().equals(phone.type())) {
                        same = i;
                    }
                }
                if (same >= 0) {
                    merged.set(same, phone);
                } else {
                    merged.add(phone);
                }
            }
        }
        UserData.Phone chosen = given.stream().filter(UserData.Phone::isDefault).findFirst().orElse(null);
        if (chosen != null) {
            merged.replaceAll(p -> p == chosen || !p.isDefault() ? p : new UserData.Phone(p.number(), p.type(), false));
        }
        if (merged.stream().noneMatch(UserData.Phone::isDefault) && !merged.isEmpty()) {
            UserData.Phone first = merged.get(0);
            merged.set(0, new UserData.Phone(first.number(), first.type(), true));
        }
        return merged;
    }
}
