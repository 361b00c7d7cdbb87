package io.hallwatch.broker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command of Mosquitto's dynamic-security API ({@code {"command": ..., ...}}), with the error
 * texts that mean it was already done (deleting what is gone, creating what exists), so that every
 * change can be sent again until it has been applied once.
 */
record DynSecCommand(Map<String, Object> body, List<String> tolerated) {

    static DynSecCommand of(String command, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("command", command);
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return new DynSecCommand(body, List.of());
    }

    /** The same command, with an error text (part of it) that counts as done. */
    DynSecCommand tolerating(String error) {
        return new DynSecCommand(body, List.of(error));
    }

    String name() {
        return (String) body.get("command");
    }

    boolean tolerates(String error) {
        return tolerated.stream().anyMatch(error::contains);
    }

    /** Only the command's name and user or role: bodies can hold passwords. */
    @Override
    public String toString() {
        Object subject = body.containsKey("username") ? body.get("username") : body.get("rolename");
        return name() + (subject == null ? "" : " " + subject);
    }
}
