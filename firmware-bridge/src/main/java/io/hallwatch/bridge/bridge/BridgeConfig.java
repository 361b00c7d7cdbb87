package io.hallwatch.bridge.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hallwatch.bridge.contract.Kind;
import io.hallwatch.bridge.map.DeviceBinding;
import io.hallwatch.bridge.map.Profiles;
import io.hallwatch.bridge.mqtt.Broker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bridge's YAML configuration (see {@code docs/firmware-bridge.md}): the vendor broker it reads,
 * HallWatch's broker it writes to and as whom, custom profiles, and the devices. Read and checked
 * whole before anything connects; every problem names the setting it is about.
 *
 * @param source      the vendor broker and the bridge's login there
 * @param sourceClientId the client id of the bridge's persistent session on the vendor broker
 * @param target      HallWatch's broker (user and password only for the shared identity)
 * @param identity    whether each device publishes with its own credentials or all with one login
 * @param credentials the devices' credentials file, for the device identity
 * @param qos         the QoS of the contract messages
 * @param profiles    the shipped profiles plus the configured ones
 * @param devices     the devices, each bound to a profile
 */
public record BridgeConfig(Broker source, String sourceClientId, Broker target, Identity identity, Path credentials,
        int qos, Profiles profiles, List<DeviceBinding> devices) {

    /** How the bridge logs in to HallWatch's broker. */
    public enum Identity {
        /** Each device with its own user name and password, so the broker's ACL holds it to its own topics. */
        DEVICE,
        /** One login for all devices, for brokers whose ACL grants the bridge the halls' topics. */
        SHARED
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    public static BridgeConfig read(Path file) throws IOException {
        JsonNode root = YAML.readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a YAML mapping with source, target and devices");
        }
        return parse(root, file.toAbsolutePath().getParent());
    }

    static BridgeConfig parse(JsonNode root, Path base) throws IOException {
        Settings settings = new Settings(root);
        Broker source = broker(settings, "source", base);
        String clientId = settings.text("source.clientId", "hallwatch-bridge");
        Broker targetUrl = broker(settings, "target", base);
        Identity identity = identity(settings.text("target.identity", "device"));
        Path credentials = null;
        if (identity == Identity.DEVICE) {
            credentials = base.resolve(settings.required("target.credentials"));
            targetUrl = new Broker(targetUrl.url(), null, null);
        } else if (targetUrl.username() == null) {
            throw new IllegalArgumentException("target.username: the shared identity needs a user name and password");
        }
        int qos = settings.integer("target.qos", 1);
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("target.qos must be 0, 1 or 2, got " + qos);
        }
        ZoneId zone = zone(settings.text("timezone", ZoneId.systemDefault().getId()));
        Profiles profiles = profiles(root, base);
        return new BridgeConfig(source, clientId, targetUrl, identity, credentials, qos, profiles,
                devices(root.path("devices"), zone));
    }

    private static Broker broker(Settings settings, String name, Path base) throws IOException {
        String url = settings.required(name + ".url");
        String user = settings.text(name + ".username", null);
        String password = settings.secret(name + ".password", name + ".passwordFile", base);
        try {
            return new Broker(url, user, password);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ".url: " + e.getMessage(), e);
        }
    }

    private static Identity identity(String text) {
        for (Identity identity : Identity.values()) {
            if (identity.name().equalsIgnoreCase(text)) {
                return identity;
            }
        }
        throw new IllegalArgumentException("target.identity must be device or shared, got '" + text + "'");
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timezone: '" + id + "' is not a time zone such as Asia/Shanghai", e);
        }
    }

    private static Profiles profiles(JsonNode root, Path base) throws IOException {
        Profiles profiles = Profiles.shipped();
        for (Map.Entry<String, JsonNode> entry : root.path("profiles").properties()) {
            profiles = profiles.with(entry.getKey(), entry.getValue());
        }
        for (JsonNode file : root.path("profileFiles")) {
            profiles = profiles.withFile(base.resolve(file.asText()));
        }
        return profiles;
    }

    private static List<DeviceBinding> devices(JsonNode list, ZoneId zone) {
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException("devices: list at least one device (device, hall, kind, profile, source)");
        }
        List<DeviceBinding> devices = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            devices.add(device(new Settings(list.get(i)), "devices[" + i + "]", zone));
        }
        return List.copyOf(devices);
    }

    private static DeviceBinding device(Settings entry, String where, ZoneId zone) {
        try {
            String timezone = entry.text("timezone", null);
            return new DeviceBinding(entry.required("profile"), entry.required("hall"), entry.required("device"),
                    Kind.parse(entry.required("kind")), entry.required("source"), entry.options(),
                    timezone == null ? zone : zone(timezone));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** Dotted access to a YAML tree, with ${ENV} expansion in text values. */
    private record Settings(JsonNode root) {

        String required(String path) {
            String value = text(path, null);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(path + " is required");
            }
            return value;
        }

        String text(String path, String fallback) {
            JsonNode node = node(path);
            return node.isMissingNode() || node.isNull() ? fallback : Environment.expand(path, node.asText());
        }

        int integer(String path, int fallback) {
            JsonNode node = node(path);
            if (node.isMissingNode()) {
                return fallback;
            }
            if (!node.canConvertToInt() || !node.isIntegralNumber()) {
                throw new IllegalArgumentException(path + " must be a whole number, got " + node);
            }
            return node.intValue();
        }

        String secret(String path, String filePath, Path base) throws IOException {
            String file = text(filePath, null);
            return file == null ? text(path, null) : Files.readString(base.resolve(file)).strip();
        }

        Map<String, Object> options() {
            JsonNode options = root.path("options");
            if (options.isMissingNode()) {
                return Map.of();
            }
            if (!options.isObject()) {
                throw new IllegalArgumentException("options must be a mapping");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            options.properties().forEach(e -> values.put(e.getKey(), option("options." + e.getKey(), e.getValue())));
            return values;
        }

        /** An option's value as Java, with ${ENV} expanded in its text. */
        private static Object option(String path, JsonNode value) {
            Object plain = JSON.convertValue(value, Object.class);
            return value.isTextual() ? Environment.expand(path, value.asText()) : plain;
        }

        private JsonNode node(String path) {
            JsonNode node = root;
            for (String part : path.split("\\.")) {
                node = node.path(part);
            }
            return node;
        }
    }
}
