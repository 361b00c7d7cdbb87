package io.hallwatch.bridge.map;

import static io.hallwatch.bridge.map.MapTesting.RECEIVED;
import static io.hallwatch.bridge.map.MapTesting.RECEIVED_TS;
import static io.hallwatch.bridge.map.MapTesting.binding;
import static io.hallwatch.bridge.map.MapTesting.mapped;
import static io.hallwatch.bridge.map.MapTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallwatch.bridge.contract.ContractMessage;
import io.hallwatch.bridge.contract.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RouterConcurrencyTest {

    @Test
    void mapsEachDevicesMessagesCorrectlyFromManyThreadsAtOnce() throws Exception {
        List<DeviceBinding> bindings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            bindings.add(binding("zigbee2mqtt-presence", Kind.PRESENCE, "desk-" + i, "desk-" + i, Map.of()));
        }
        Router router = new Router(Profiles.shipped(), bindings);
        ExecutorService workers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int n = 0; n < 4000; n++) {
                int device = n % 200;
                boolean occupied = n % 3 == 0;
                results.add(workers.submit(() -> {
                    ContractMessage message = mapped(router.map("zigbee2mqtt/desk-" + device,
                            utf8("{\"occupancy\":" + occupied + ",\"battery\":" + device % 101 + "}"), RECEIVED));
                    return message.topic() + " " + message.text();
                }));
            }
            for (int n = 0; n < results.size(); n++) {
                String expected = "hallwatch/v1/hall-1/presence/desk-" + n % 200 + " {\"ts\":\"" + RECEIVED_TS
                        + "\",\"occupied\":" + (n % 3 == 0) + ",\"battery\":" + n % 200 % 101 + "}";
                assertEquals(expected, results.get(n).get(10, TimeUnit.SECONDS));
            }
        } finally {
            workers.shutdownNow();
        }
    }
}
