package io.hallwatch.ingest;

import io.hallwatch.devices.DeviceKind;
import io.hallwatch.platform.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Topic names of the public contract (section 1 and 3), shared by the service, its tests and the
 * firmware bridge. Device topics are {@code hallwatch/v1/{hall}/{kind}/{device}}.
 */
public final class Topics {

    public static final String ROOT = "hallwatch/v1";
    public static final String STATUS = "status";
    public static final String ALERTS = "alerts";
    /** Hall and device ids: 1 to 64 characters of A-Z a-z 0-9 _ -. */
    public static final Pattern ID = Pattern.compile(Ids.REGEX);
    /** Payloads larger than this many bytes are rejected (contract, section 2). */
    public static final int MAX_PAYLOAD_BYTES = 4096;

    private Topics() {
    }

    public static String reading(String hall, DeviceKind kind, String device) {
        return ROOT + "/" + hall + "/" + kind.wire() + "/" + device;
    }

    public static String status(String hall, String device) {
        return ROOT + "/" + hall + "/" + STATUS + "/" + device;
    }

    public static String alerts(String hall, String team) {
        return ROOT + "/" + hall + "/" + ALERTS + "/" + team;
    }

    /**
     * The filters the service subscribes to: one per device kind and one for status, so that the
     * service never receives its own alert topics.
     */
    public static List<String> subscriptions() {
        List<String> filters = new ArrayList<>();
        for (DeviceKind kind : DeviceKind.values()) {
            filters.add(ROOT + "/+/" + kind.wire() + "/+");
        }
        filters.add(ROOT + "/+/" + STATUS + "/+");
        return List.copyOf(filters);
    }
}
