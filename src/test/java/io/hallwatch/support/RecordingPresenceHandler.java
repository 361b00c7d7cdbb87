package io.hallwatch.support;

import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.DeviceMessage;
import io.hallwatch.ingest.DeviceMessageHandler;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the seq of every presence reading handed to the feature handlers, per device. */
@Singleton
public class RecordingPresenceHandler implements DeviceMessageHandler {

    private final Map<String, List<Long>> seqs = new ConcurrentHashMap<>();

    @Override
    public DeviceKind kind() {
        return DeviceKind.PRESENCE;
    }

    @Override
    public void onReading(Device device, DeviceMessage.Reading reading) {
        seqs.computeIfAbsent(device.id, id -> new CopyOnWriteArrayList<>()).add(reading.seq());
    }

    public List<Long> seqsOf(String device) {
        return seqs.getOrDefault(device, List.of());
    }
}
