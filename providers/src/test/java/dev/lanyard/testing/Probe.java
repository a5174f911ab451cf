package dev.lanyard.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/** Polling a server that is starting: one quick GET, no exception when nothing listens yet. */
public final class Probe {

    private Probe() {
    }

    public static boolean answers200(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
