package dev.lanyard.emailotp;

import java.util.Map;

import org.keycloak.models.SingleUseObjectProvider;

/** Pending codes in Keycloak's single-use object store, which every node of a cluster shares. */
final class SingleUseObjectChallengeStore implements ChallengeStore {

    private final SingleUseObjectProvider objects;

    SingleUseObjectChallengeStore(SingleUseObjectProvider objects) {
        this.objects = objects;
    }

    @Override
    public void put(String key, long lifespanSeconds, Map<String, String> notes) {
        objects.put(key, lifespanSeconds, notes);
    }

    @Override
    public Map<String, String> get(String key) {
        return objects.get(key);
    }

    @Override
    public boolean contains(String key) {
        return objects.contains(key);
    }

    @Override
    public boolean putIfAbsent(String key, long lifespanSeconds) {
        return objects.putIfAbsent(key, lifespanSeconds);
    }
}
