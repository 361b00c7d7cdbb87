package io.hallwatch.workorders;

/**
 * User-facing text in both languages a hall may choose (hall {@code language}: "zh" or "en"). Rules
 * write both; the work-order service keeps the one of the order's hall.
 */
public record Text(String zh, String en) {

    public String in(String language) {
        return "en".equals(language) ? en : zh;
    }
}
