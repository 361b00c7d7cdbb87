package io.hallwatch.bridge.contract;

import java.util.regex.Pattern;

/**
 * Topic names and limits of HallWatch's public contract, version 1. The service's
 * {@code io.hallwatch.ingest.Topics} holds the same; the service's end-to-end tests keep the two in
 * agreement, since the service must accept every message the simulator and the bridge publish there.
 * Device topics are {@code hallwatch/v1/{hall}/{kind}/{device}}.
 */
public final class Contract {

    public static final String ROOT = "hallwatch/v1";
    public static final String STATUS = "status";
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";
    /** Hall and device ids: 1 to 64 characters of A-Z a-z 0-9 _ -. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** The service rejects larger payloads. */
    public static final int MAX_PAYLOAD_BYTES = 4096;

    private Contract() {
    }

    public static String reading(String hall, Kind kind, String device) {
        return ROOT + "/" + checked("hall", hall) + "/" + kind.wire() + "/" + checked("device", device);
    }

    public static String status(String hall, String device) {
        return ROOT + "/" + checked("hall", hall) + "/" + STATUS + "/" + checked("device", device);
    }

    /** The id itself when it is a valid hall or device id; an exception naming what is wrong otherwise. */
    public static String checked(String what, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " id '" + id + "' must be 1 to 64 characters of A-Z a-z 0-9 _ -");
        }
        return id;
    }
}
