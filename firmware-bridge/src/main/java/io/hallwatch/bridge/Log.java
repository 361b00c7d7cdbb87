package io.hallwatch.bridge;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The bridge's log: one line per event on standard error, with the local time, so that standard
 * output stays free for reports and dry-run output that other programs read.
 */
public final class Log {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static volatile PrintStream out = System.err;

    private Log() {
    }

    public static void info(String format, Object... args) {
        print("INFO ", format, args);
    }

    public static void warn(String format, Object... args) {
        print("WARN ", format, args);
    }

    /** Sends the log elsewhere (tests capture it). */
    public static void to(PrintStream stream) {
        out = stream;
    }

    private static void print(String level, String format, Object... args) {
        out.println(LocalTime.now().format(TIME) + " " + level + String.format(format, args));
    }
}
