package io.hallwatch.bridge.load;

import io.hallwatch.bridge.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs the command line in this JVM and captures what it prints, as a user would see it.
 *
 * @param exitCode the exit code
 * @param out      what went to stdout
 * @param err      what went to stderr
 */
public record Cli(int exitCode, String out, String err) {

    /** Through {@link Main#run}, with its error handler and exit codes. */
    public static synchronized Cli run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    /** One command object, e.g. with a test seam set, through picocli. */
    public static Cli run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
