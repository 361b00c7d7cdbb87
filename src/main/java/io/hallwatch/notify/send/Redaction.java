package io.hallwatch.notify.send;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Makes a result's detail safe for the delivery log: the endpoint's secret, its URL and the tokens in
 * the URL (query values, the last path segment) are replaced by "***", and the detail is cut to
 * {@value #MAX_DETAIL} characters. Vendors answer with free text, and one that echoed the request
 * would otherwise put the robot's token in our log.
 */
final class Redaction {

    static final int MAX_DETAIL = 200;

    /** Shorter pieces are too likely to be ordinary words ("send", "hook") to be worth hiding. */
    private static final int MIN_HIDDEN = 6;

    private Redaction() {
    }

    static SendResult scrub(SendResult result, Endpoint endpoint) {
        String detail = result.detail();
        if (detail == null) {
            return result;
        }
        for (String piece : sensitive(endpoint)) {
            detail = detail.replace(piece, "***");
        }
        return new SendResult(result.status(), result.retryAfter(), cap(detail));
    }

    private static List<String> sensitive(Endpoint endpoint) {
        List<String> pieces = new ArrayList<>();
        add(pieces, endpoint.secret());
        URI url = endpoint.url();
        if (url != null) {
            add(pieces, url.toString());
            add(pieces, url.getRawQuery());
            addQueryValues(pieces, url.getRawQuery());
            add(pieces, lastSegment(url.getRawPath()));
        }
        // Longest first, so that a URL is hidden whole before the token inside it.
        pieces.sort(Comparator.comparingInt(String::length).reversed());
        return pieces;
    }

    private static void addQueryValues(List<String> pieces, String rawQuery) {
        if (rawQuery == null) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            String value = pair.substring(pair.indexOf('=') + 1);
            add(pieces, value);
            add(pieces, decoded(value));
        }
    }

    private static String decoded(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String lastSegment(String rawPath) {
        return rawPath == null ? null : rawPath.substring(rawPath.lastIndexOf('/') + 1);
    }

    private static void add(List<String> pieces, String piece) {
        if (piece != null && piece.length() >= MIN_HIDDEN) {
            pieces.add(piece);
        }
    }

    private static String cap(String detail) {
        if (detail.length() <= MAX_DETAIL) {
            return detail;
        }
        int end = MAX_DETAIL - 1;
        if (Character.isHighSurrogate(detail.charAt(end - 1))) {
            end--;
        }
        return detail.substring(0, end) + "…";
    }
}
