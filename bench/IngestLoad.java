import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Load generator for bench/ingest-rate.sh: every device in the credentials file (lines
 * "device,password,hall,kind") publishes N readings with QoS 1 as fast as its broker accepts them.
 * Prints how long publishing took; the script measures how long the service took to handle them.
 */
public class IngestLoad {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        List<String[]> devices = Files.readAllLines(Path.of(args[1])).stream()
                .filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        int perDevice = Integer.parseInt(args[2]);
        List<MqttAsyncClient> clients = new ArrayList<>();
        for (String[] d : devices) {
            MqttAsyncClient client = new MqttAsyncClient(url, "bench-" + d[0], new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setUserName(d[0]);
            options.setPassword(d[1].toCharArray());
            options.setMaxInflight(perDevice + 10);
            client.connect(options).waitForCompletion(10_000);
            clients.add(client);
        }
        // The service's clock starts here, not before the (slow) connections of many clients.
        System.out.println("start-ms=" + System.currentTimeMillis());
        System.out.flush();
        long start = System.nanoTime();
        List<IMqttDeliveryToken> tokens = new ArrayList<>();
        Instant base = Instant.now().minusSeconds(perDevice + 60L);
        for (int seq = 1; seq <= perDevice; seq++) {
            for (int i = 0; i < devices.size(); i++) {
                String[] d = devices.get(i);
                String payload = "{\"ts\":\"" + base.plusSeconds(seq) + "\",\"seq\":" + seq + ","
                        + body(d[3], seq) + "}";
                MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                tokens.add(clients.get(i).publish("hallwatch/v1/" + d[2] + "/" + d[3] + "/" + d[0], message));
            }
        }
        for (IMqttDeliveryToken token : tokens) {
            token.waitForCompletion(60_000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("published %d messages from %d devices in %.2f s (%.0f msg/s at the broker)%n",
                tokens.size(), devices.size(), seconds, tokens.size() / seconds);
        for (MqttAsyncClient client : clients) {
            client.disconnect(0).waitForCompletion(5_000);
            client.close();
        }
    }

    private static String body(String kind, int seq) {
        return switch (kind) {
            case "presence" -> "\"occupied\":" + (seq % 2 == 0);
            case "bin" -> "\"fill\":" + (seq % 100);
            case "signage" -> "\"state\":\"ok\",\"showing\":\"open\"";
            default -> "\"card\":\"C" + seq + "\",\"action\":\"in\"";
        };
    }
}
