package dev.lanyard.screening;

import java.util.Locale;

/** What an SDN entry is, from its SDN_Type column; an alias has the type of its entry. */
public enum EntryType {
    INDIVIDUAL, ENTITY, VESSEL, AIRCRAFT;

    /**
     * OFAC leaves SDN_Type empty ({@code -0-}) for companies, groups and the like. A type OFAC may
     * add later is read as an entity too, so people screening (individuals only) never widens silently.
     */
    static EntryType fromSdnType(String sdnType) {
        if (sdnType == null) {
            return ENTITY;
        }
        switch (sdnType.trim().toLowerCase(Locale.ROOT)) {
            case "individual":
                return INDIVIDUAL;
            case "vessel":
                return VESSEL;
            case "aircraft":
                return AIRCRAFT;
            default:
                return ENTITY;
        }
    }
}
