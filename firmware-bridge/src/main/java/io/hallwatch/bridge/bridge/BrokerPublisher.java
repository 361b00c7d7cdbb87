package io.hallwatch.bridge.bridge;

import io.hallwatch.bridge.contract.Contract;
import io.hallwatch.bridge.contract.ContractMessage;
import io.hallwatch.bridge.mqtt.Broker;
import io.hallwatch.bridge.mqtt.Credentials;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Publishes contract messages on HallWatch's broker, as each device (one connection per device,
 * with its own credentials, so the broker's ACL holds it to its own topics) or as one shared login.
 * Connections log in in the background ({@link DeviceLink}), so a broker that is away when the
 * bridge starts delays messages but neither blocks nor loses them.
 */
final class BrokerPublisher implements Publisher {

    private final Map<String, DeviceLink> links = new LinkedHashMap<>();
    private final DeviceLink shared;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bridge-login-retries");
        thread.setDaemon(true);
        return thread;
    });

    private BrokerPublisher(Broker sharedLogin, int qos, BridgeStats stats) {
        this.shared = sharedLogin == null ? null
                : new DeviceLink(sharedLogin, Broker.clientId("hallwatch-bridge-out"), null, qos, retries, stats);
    }

    /**
     * One connection per device of {@code halls} (device id to hall id), with the device's credentials,
     * which the caller has checked hold every device ({@link #missing}).
     */
    static BrokerPublisher perDevice(Broker target, Credentials credentials, Map<String, String> halls, int qos,
            BridgeStats stats) {
        BrokerPublisher publisher = new BrokerPublisher(null, qos, stats);
        halls.forEach((device, hall) -> publisher.links.put(device, new DeviceLink(credentials.of(device, target).orElseThrow(),
                device, Contract.status(hall, device), qos, publisher.retries, stats)));
        publisher.links.values().forEach(DeviceLink::open);
        return publisher;
    }

    /** One connection for all devices, for a broker whose ACL lets this login publish for them. */
    static BrokerPublisher shared(Broker target, int qos, BridgeStats stats) {
        BrokerPublisher publisher = new BrokerPublisher(target, qos, stats);
        publisher.shared.open();
        return publisher;
    }

    /** The devices {@code credentials} has no password for. */
    static List<String> missing(Broker target, Credentials credentials, Collection<String> devices) {
        return devices.stream().filter(d -> credentials.of(d, target).isEmpty()).toList();
    }

    @Override
    public void publish(ContractMessage message) {
        (shared != null ? shared : links.get(message.device())).publish(message);
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
        links.values().forEach(DeviceLink::close);
        retries.shutdownNow();
    }
}
