import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The bare subscriber's counter: reads what {@code mosquitto_sub -F '%U %p'} prints (receipt time as
 * Unix seconds with nanoseconds, a space, the payload) from a named pipe, counts every message and
 * records receipt minus the payload's {@code ts} (epoch milliseconds). The receipt time is taken by
 * mosquitto_sub itself, so pipe buffering delays the count, never the latency.
 */
final class BareSubscriber implements SystemProbe {

    private final Histogram.Recorder recorder = new Histogram.Recorder();
    private final Thread reader;
    private long handled;
    private long malformed;
    private volatile IOException failure;

    BareSubscriber(Path fifo) {
        reader = new Thread(() -> readAll(fifo), "bare-subscriber");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public synchronized Reading read() throws IOException {
        if (failure != null) {
            throw failure;
        }
        return new Reading(handled, Map.of(HANDLED, recorder.snapshot()), Map.of("withoutTs", malformed), null, null, null);
    }

    private void readAll(Path fifo) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(Files.newInputStream(fifo), StandardCharsets.UTF_8), 1 << 16)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                count(line);
            }
            failure = new IOException("mosquitto_sub closed its output (it exited)");
        } catch (IOException e) {
            failure = e;
        }
    }

    private synchronized void count(String line) {
        handled++;
        int space = line.indexOf(' ');
        long ts = space < 0 ? -1 : tsOf(line, space);
        if (ts < 0) {
            malformed++;
            return;
        }
        double receivedMs = Double.parseDouble(line.substring(0, space)) * 1000;
        recorder.record(Math.max(0, receivedMs - ts));
    }

    /** The integer after {@code "ts":} in the payload, or -1. */
    private static long tsOf(String line, int from) {
        int at = line.indexOf("\"ts\":", from);
        if (at < 0) {
            return -1;
        }
        long value = 0;
        int i = at + 5;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        for (; i < line.length() && Character.isDigit(line.charAt(i)); i++) {
            value = value * 10 + (line.charAt(i) - '0');
        }
        return i > start ? value : -1;
    }
}
