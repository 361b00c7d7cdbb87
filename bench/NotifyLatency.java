import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Client side of bench/notify-latency.sh: receives the hall's webhook on a local port, and has each
 * bin in the credentials file (lines "device,password,hall") report 80 % full, one bin at a time,
 * timing from the publish to the webhook's arrival. Prints each latency and the median and maximum.
 */
public class NotifyLatency {

    private static final Pattern SUBJECT = Pattern.compile("\"subject\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int port = Integer.parseInt(args[1]);
        List<String[]> bins = Files.readAllLines(Path.of(args[2])).stream().filter(l -> !l.isBlank())
                .map(l -> l.split(",")).toList();
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = SUBJECT.matcher(body);
            if (m.find() && body.contains("\"event\":\"opened\"")) {
                arrived.putIfAbsent(m.group(1), System.nanoTime());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        List<Double> millis = new ArrayList<>();
        for (String[] bin : bins) {
            MqttClient client = new MqttClient(url, "latency-" + bin[0], new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName(bin[0]);
            options.setPassword(bin[1].toCharArray());
            client.connect(options);
            MqttMessage message = new MqttMessage(("{\"ts\":\"" + Instant.now() + "\",\"fill\":80}")
                    .getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            long sent = System.nanoTime();
            client.publish("hallwatch/v1/" + bin[2] + "/bin/" + bin[0], message);
            long deadline = sent + 30_000_000_000L;
            while (!arrived.containsKey(bin[0]) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            Long at = arrived.get(bin[0]);
            double ms = at == null ? Double.NaN : (at - sent) / 1e6;
            millis.add(ms);
            System.out.printf("%s: %.0f ms from publish to webhook%n", bin[0], ms);
            client.disconnect();
            client.close();
        }
        server.stop(0);
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf("bins=%d median=%.0f ms max=%.0f ms%n", sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }
}
