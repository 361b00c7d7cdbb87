package io.hallwatch.notify.send;

import java.nio.charset.StandardCharsets;

/**
 * Fits text into a vendor's limit counted in UTF-8 bytes: text within the limit is returned unchanged;
 * longer text is cut on a code-point boundary and ends with "…", the whole still within the limit.
 */
final class Utf8Text {

    private static final String ELLIPSIS = "…";
    private static final int ELLIPSIS_BYTES = ELLIPSIS.getBytes(StandardCharsets.UTF_8).length;

    private Utf8Text() {
    }

    static String fit(String text, int maxBytes) {
        if (byteLength(text) <= maxBytes) {
            return text;
        }
        int budget = maxBytes - ELLIPSIS_BYTES;
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = utf8Bytes(codePoint);
            if (used + size > budget) {
                break;
            }
            used += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    static int byteLength(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** A lone surrogate counts as 3 bytes here though the encoder writes 1, so the cut errs short. */
    private static int utf8Bytes(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
