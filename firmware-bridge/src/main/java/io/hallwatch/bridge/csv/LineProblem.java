package io.hallwatch.bridge.csv;

/**
 * Something wrong on one line of a file a person wrote.
 *
 * @param line    the 1-based line number as an editor shows it
 * @param message what is wrong, in words that say how to fix it
 */
public record LineProblem(int line, String message) {

    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
