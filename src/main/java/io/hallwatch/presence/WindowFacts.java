package io.hallwatch.presence;

/**
 * Who and what a window's work orders name: the window, its A and B staff (B may be null), and the
 * devices watching it (either may be null).
 */
public record WindowFacts(String windowId, String windowName, String staffA, String staffAName, String staffB,
        String staffBName, String presenceDevice, String signDevice) {
}
