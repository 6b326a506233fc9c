package io.tideflow.it;

import java.net.URI;

/** Where the server under test answers; the build passes it in for each server profile. */
final class ItServer {

    private ItServer() {}

    static URI httpBase() {
        return URI.create(System.getProperty("it.http.base", "http://127.0.0.1:8080/"));
    }
}
