package dev.lanyard.screening;

import java.util.LinkedHashMap;
import java.util.Map;

/** A screening as Lanyard's REST answers show it (screening's own endpoints and revalidation's). */
public final class ScreeningView {

    private ScreeningView() {
    }

    public static Map<String, Object> of(ScreeningEntity screening) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", screening.getId());
        view.put("status", screening.getStatus());
        view.put("trigger", screening.getTrigger());
        view.put("listVersion", screening.getListVersion());
        view.put("score", screening.getScore());
        view.put("entryNumber", screening.getEntryNumber());
        view.put("matchedName", screening.getMatchedName());
        view.put("entryName", screening.getEntryName());
        view.put("programs", screening.getPrograms());
        view.put("screenedAt", screening.getCreatedAt());
        view.put("resolvedBy", screening.getResolvedBy());
        view.put("resolvedAt", screening.getResolvedAt());
        view.put("note", screening.getNote());
        return view;
    }
}
