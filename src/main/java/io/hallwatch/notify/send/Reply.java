package io.hallwatch.notify.send;

import java.net.http.HttpHeaders;

/** What an endpoint answered to one POST: its status, its headers and its body as text. */
record Reply(int status, HttpHeaders headers, String body) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    String statusText() {
        return "HTTP " + status;
    }
}
