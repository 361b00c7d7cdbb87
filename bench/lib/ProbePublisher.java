import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Publishes one valid presence reading of a provisioned device through {@code mosquitto_pub}, as the
 * load generator's user: every system counts it, which tells the harness the system is subscribed.
 * It carries no {@code seq}, so it cannot make a later reading of that device look stale.
 */
final class ProbePublisher {

    private final String host;
    private final int port;
    private final String user;
    private final Path passwordFile;
    private final String topic;

    ProbePublisher(String host, int port, String user, Path passwordFile, String topic) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.passwordFile = passwordFile;
        this.topic = topic;
    }

    void publish() throws IOException, InterruptedException {
        String password = Files.readAllLines(passwordFile).get(0).trim();
        String payload = "{\"ts\":" + System.currentTimeMillis() + ",\"occupied\":true}";
        Process p = new ProcessBuilder(List.of("mosquitto_pub", "-h", host, "-p", Integer.toString(port), "-u", user,
                "-P", password, "-q", "1", "-i", "bench-probe", "-t", topic, "-m", payload))
                .redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("mosquitto_pub did not finish within 10 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("mosquitto_pub failed: " + new String(p.getInputStream().readAllBytes()).trim());
        }
    }
}
