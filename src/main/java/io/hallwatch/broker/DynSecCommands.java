package io.hallwatch.broker;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What HallWatch keeps at a Mosquitto with dynamic security, as commands: per device a client (user
 * name = device id) with a role of its own that may publish to exactly its reading and status topics
 * ({@code hallwatch/v1/<hall>/<kind>/<id>}, {@code hallwatch/v1/<hall>/status/<id>}) and nothing else,
 * whatever the broker's default ACL access; and a role for the service, which reads every device topic
 * and publishes the teams' alerts. A device client's description carries the fingerprint of its
 * current credential, so that a re-sync can tell a stale password from the current one.
 */
final class DynSecCommands {

    static final String DEVICE_ROLE_PREFIX = "hallwatch-device-";
    static final String SERVICE_ROLE = "hallwatch-service";
    /** Start of the description of every client HallWatch made for a device. */
    static final String DEVICE_MARK = "hallwatch device; credential ";
    private static final String NOT_FOUND = "not found";
    private static final String EXISTS = "already exists";

    private DynSecCommands() {
    }

    static String roleOf(String deviceId) {
        return DEVICE_ROLE_PREFIX + deviceId;
    }

    /**
     * The device's client and role as new, replacing what was there under its name before. Callers
     * first make sure that no client HallWatch did not make has the name ({@link #isForeign}): this
     * deletes whatever client it names.
     */
    static List<DynSecCommand> provision(String id, String hall, DeviceKind kind, String password, String fingerprint) {
        List<DynSecCommand> commands = new ArrayList<>(revoke(id));
        commands.add(createDeviceRole(id, hall, kind));
        commands.add(DynSecCommand.of("createClient", "username", id, "password", password,
                "textname", kind.wire() + " in hall " + hall, "textdescription", DEVICE_MARK + fingerprint,
                "roles", List.of(Map.of("rolename", roleOf(id)))));
        return commands;
    }

    /**
     * A new password for an existing client (enabled again, should a re-sync have disabled it); the
     * broker drops connections made with the old one. A missing client answers the first command with
     * an error, tolerated here, and is made anew by {@link #provision}.
     */
    static List<DynSecCommand> rotate(String id, String password, String fingerprint) {
        return List.of(DynSecCommand.of("setClientPassword", "username", id, "password", password).tolerating(NOT_FOUND),
                DynSecCommand.of("modifyClient", "username", id, "textdescription", DEVICE_MARK + fingerprint)
                        .tolerating(NOT_FOUND),
                DynSecCommand.of("enableClient", "username", id).tolerating(NOT_FOUND));
    }

    /**
     * Client and role gone (as they may already be); the broker drops the device's connections. Callers
     * first make sure the client is HallWatch's ({@link #isForeign}), or use {@link #revokeRole}.
     */
    static List<DynSecCommand> revoke(String id) {
        return List.of(DynSecCommand.of("deleteClient", "username", id).tolerating(NOT_FOUND),
                DynSecCommand.of("deleteRole", "rolename", roleOf(id)).tolerating(NOT_FOUND));
    }

    /** Only the device's role gone, for when the client of its name is not HallWatch's to delete. */
    static List<DynSecCommand> revokeRole(String id) {
        return List.of(DynSecCommand.of("deleteRole", "rolename", roleOf(id)).tolerating(NOT_FOUND));
    }

    /** The device's role made again with the right ACLs and given back to its client. */
    static List<DynSecCommand> repairRole(String id, String hall, DeviceKind kind) {
        return List.of(DynSecCommand.of("deleteRole", "rolename", roleOf(id)).tolerating(NOT_FOUND),
                createDeviceRole(id, hall, kind),
                DynSecCommand.of("addClientRole", "username", id, "rolename", roleOf(id)));
    }

    static DynSecCommand disable(String id) {
        return DynSecCommand.of("disableClient", "username", id).tolerating(NOT_FOUND);
    }

    /**
     * Allows before denies (higher priority first): the device's two topics, then nothing to publish
     * (the {@code $CONTROL} API included) and nothing to subscribe; {@code #} does not match topics
     * beginning with {@code $}, so {@code $CONTROL} (where the service's commands carry passwords)
     * and {@code $SYS} are denied by name.
     */
    static List<Map<String, Object>> deviceAcls(String id, String hall, DeviceKind kind) {
        return List.of(acl("publishClientSend", Topics.reading(hall, kind, id), 10, true),
                acl("publishClientSend", Topics.status(hall, id), 10, true),
                acl("publishClientSend", "#", 0, false),
                acl("publishClientSend", "$CONTROL/#", 0, false),
                acl("subscribePattern", "#", 0, false),
                acl("subscribePattern", "$CONTROL/#", 0, false),
                acl("subscribePattern", "$SYS/#", 0, false));
    }

    /** Created if missing, each ACL added if missing: sent at every start without disturbing a live service. */
    static List<DynSecCommand> serviceRole() {
        List<DynSecCommand> commands = new ArrayList<>();
        commands.add(DynSecCommand.of("createRole", "rolename", SERVICE_ROLE,
                "textname", "HallWatch service: reads device topics, publishes alerts").tolerating(EXISTS));
        for (Map<String, Object> acl : serviceAcls()) {
            DynSecCommand add = DynSecCommand.of("addRoleACL", "rolename", SERVICE_ROLE);
            add.body().putAll(acl);
            commands.add(add.tolerating(EXISTS));
        }
        return commands;
    }

    static List<Map<String, Object>> serviceAcls() {
        return List.of(acl("subscribePattern", Topics.ROOT + "/#", 10, true),
                acl("publishClientReceive", Topics.ROOT + "/#", 10, true),
                acl("publishClientSend", Topics.alerts("+", "+"), 10, true));
    }

    static DynSecCommand createServiceClient(String username, String password) {
        return DynSecCommand.of("createClient", "username", username, "password", password,
                "textname", "HallWatch service", "roles", List.of(Map.of("rolename", SERVICE_ROLE)));
    }

    static DynSecCommand getClient(String username) {
        return DynSecCommand.of("getClient", "username", username);
    }

    static DynSecCommand addServiceRole(String username) {
        return DynSecCommand.of("addClientRole", "username", username, "rolename", SERVICE_ROLE);
    }

    static DynSecCommand listClients() {
        return DynSecCommand.of("listClients", "verbose", true, "count", -1, "offset", 0);
    }

    /** The credential fingerprint a device client's description carries; empty for other clients. */
    static Optional<String> fingerprintOf(String description) {
        return description != null && description.startsWith(DEVICE_MARK)
                ? Optional.of(description.substring(DEVICE_MARK.length())) : Optional.empty();
    }

    /**
     * Whether a client, as {@code getClient} describes it (null: there is none), was made by someone
     * else than HallWatch (the administrator, a bridge, a person's handheld): HallWatch marks every
     * client it makes by its description, and must never delete, replace or take over any other.
     */
    static boolean isForeign(JsonNode client) {
        return client != null && fingerprintOf(client.path("textdescription").asText(null)).isEmpty();
    }

    private static DynSecCommand createDeviceRole(String id, String hall, DeviceKind kind) {
        return DynSecCommand.of("createRole", "rolename", roleOf(id), "textname", "HallWatch device " + id,
                "acls", deviceAcls(id, hall, kind));
    }

    private static Map<String, Object> acl(String type, String topic, int priority, boolean allow) {
        return Map.of("acltype", type, "topic", topic, "priority", priority, "allow", allow);
    }
}
