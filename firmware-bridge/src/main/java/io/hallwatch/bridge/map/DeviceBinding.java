package io.hallwatch.bridge.map;

import io.hallwatch.bridge.contract.Contract;
import io.hallwatch.bridge.contract.Kind;
import java.time.ZoneId;
import java.util.Map;

/**
 * One vendor device as the bridge's configuration declares it: the profile that maps its messages,
 * the HallWatch device it speaks for, and its vendor name.
 *
 * @param profile the profile's name (shipped, or declared in the configuration)
 * @param hall    the HallWatch hall id
 * @param device  the HallWatch device id (also its MQTT user name)
 * @param kind    the HallWatch device kind
 * @param source  the device's vendor name: a Zigbee2MQTT friendly name, an ESPHome node, a Tasmota
 *                topic, a LoRaWAN DevEUI or TTS device id; it fills {@code {source}} in the
 *                profile's topics
 * @param options per-device settings the profile reads (calibration, for one)
 * @param zone    the zone of vendor timestamps that carry no offset (Tasmota's {@code Time})
 */
public record DeviceBinding(String profile, String hall, String device, Kind kind, String source,
        Map<String, Object> options, ZoneId zone) {

    public DeviceBinding {
        Contract.checked("hall", hall);
        Contract.checked("device", device);
        if (profile == null || profile.isBlank()) {
            throw new IllegalArgumentException("device " + device + ": name its profile");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("device " + device + ": name its source (the vendor's name for it)");
        }
        options = options == null ? Map.of() : Map.copyOf(options);
        zone = zone == null ? ZoneId.systemDefault() : zone;
    }
}
