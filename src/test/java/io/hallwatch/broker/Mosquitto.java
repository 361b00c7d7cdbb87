package io.hallwatch.broker;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A Mosquitto 2 of the test run's own: its own process on free ports of 127.0.0.1 (plain and TLS,
 * with a self-signed certificate for {@code 127.0.0.1} made by {@code openssl}), no anonymous clients,
 * and the dynamic-security plugin with a configuration made by {@code mosquitto_ctrl dynsec init}, whose
 * only client is the administrator. Its files live in a directory of {@code target/}.
 */
public final class Mosquitto implements AutoCloseable {

    public static final String ADMIN = "admin";
    static final String TRUST_STORE_PASSWORD = "trust-me";
    private static final List<String> PLUGINS = List.of(
            "/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so",
            "/usr/lib/aarch64-linux-gnu/mosquitto_dynamic_security.so",
            "/usr/lib/mosquitto_dynamic_security.so",
            "/usr/local/lib/mosquitto_dynamic_security.so");

    private Process process;
    private final Path dir;
    private final int port;
    private final int tlsPort;
    private final String adminPassword;

    private Mosquitto(Path dir, int port, int tlsPort, String adminPassword) {
        this.dir = dir;
        this.port = port;
        this.tlsPort = tlsPort;
        this.adminPassword = adminPassword;
    }

    /** What is missing to start one here, or empty when everything is installed. */
    static Optional<String> missing() {
        List<String> missing = new ArrayList<>();
        if (binary("mosquitto").isEmpty()) {
            missing.add("mosquitto (Debian: apt-get install mosquitto)");
        }
        if (binary("mosquitto_ctrl").isEmpty()) {
            missing.add("mosquitto_ctrl");
        }
        if (plugin().isEmpty()) {
            missing.add("the dynamic-security plugin (one of " + PLUGINS + ")");
        }
        if (binary("openssl").isEmpty()) {
            missing.add("openssl");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", missing));
    }

    /** Starts a broker with its files in {@code dir} and waits until both its ports answer. */
    static Mosquitto start(Path dir, String adminPassword) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port = freePort();
        int tlsPort = freePort();
        certificate(dir);
        Files.deleteIfExists(dir.resolve("dynamic-security.json"));
        run(dir, binary("mosquitto_ctrl").orElseThrow(), "dynsec", "init", dir.resolve("dynamic-security.json").toString(),
                ADMIN, adminPassword);
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "per_listener_settings false",
                "allow_anonymous false",
                // Started as root it would become the mosquitto user, who cannot read these files.
                "user " + System.getProperty("user.name"),
                "plugin " + plugin().orElseThrow(),
                "plugin_opt_config_file " + dir.resolve("dynamic-security.json"),
                "persistence false",
                "log_dest file " + dir.resolve("mosquitto.log"),
                "log_type all",
                "listener " + port + " 127.0.0.1",
                "listener " + tlsPort + " 127.0.0.1",
                "certfile " + dir.resolve("broker.crt"),
                "keyfile " + dir.resolve("broker.key"),
                ""));
        Mosquitto mosquitto = new Mosquitto(dir, port, tlsPort, adminPassword);
        mosquitto.launch();
        return mosquitto;
    }

    /** Starts the process on the same ports and files, and waits until both ports answer. */
    private void launch() throws IOException {
        process = new ProcessBuilder(binary("mosquitto").orElseThrow(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.out").toFile()))
                .start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> answers(port) && answers(tlsPort) || !process.isAlive());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("mosquitto stopped at once: " + Files.readString(dir.resolve("mosquitto.out")));
        }
    }

    /** Starts the broker again after {@link #close()}: the dynamic-security file keeps its clients and roles. */
    public void restart() throws IOException {
        launch();
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The TLS listener; its certificate names 127.0.0.1, so host name verification passes. */
    public String tlsUrl() {
        return "ssl://127.0.0.1:" + tlsPort;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** A PKCS12 trust store holding the broker's certificate, as {@code hallwatch.mqtt.trust-store} takes it. */
    public Path trustStore() {
        return dir.resolve("trust.p12");
    }

    /** Clients of the tests trusting the broker's certificate. */
    public SSLSocketFactory tls() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore())) {
            store.load(in, TRUST_STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    /** Stops the broker; {@link #restart()} starts it again. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A self-signed certificate for 127.0.0.1 and localhost, and a trust store holding it. */
    private static void certificate(Path dir) throws IOException, InterruptedException {
        run(dir, binary("openssl").orElseThrow(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout", dir.resolve("broker.key").toString(), "-out", dir.resolve("broker.crt").toString());
        try (InputStream in = Files.newInputStream(dir.resolve("broker.crt"));
                OutputStream out = Files.newOutputStream(dir.resolve("trust.p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("broker", CertificateFactory.getInstance("X.509").generateCertificate(in));
            store.store(out, TRUST_STORE_PASSWORD.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the trust store: " + e.getMessage(), e);
        }
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Path log = dir.resolve("setup.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(command[0] + " failed: " + Files.readString(log));
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static Optional<String> plugin() {
        return PLUGINS.stream().filter(p -> Files.isReadable(Path.of(p))).findFirst();
    }

    /** An executable on the PATH, or in /usr/sbin where Debian puts mosquitto. */
    static Optional<String> binary(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.add("/usr/sbin");
        dirs.add("/usr/local/sbin");
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, name))
                .filter(Files::isExecutable).map(Path::toString).findFirst();
    }
}
