package io.hallwatch.support;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's recording pointed at a database of the test's own {@link InfluxDb1}, through an
 * {@link InfluxV2Adapter} per database: for the test profiles of classes that check what is recorded.
 */
public final class RecordingInflux {

    private static final Map<String, InfluxV2Adapter> ADAPTERS = new ConcurrentHashMap<>();

    private RecordingInflux() {
    }

    /** The adapter in front of {@code database}, created (with the database) on first use. */
    public static InfluxV2Adapter adapter(String database) {
        return ADAPTERS.computeIfAbsent(database, db -> {
            InfluxDb1.shared().createDatabase(db);
            return new InfluxV2Adapter(InfluxDb1.shared(), db + "-token");
        });
    }

    /** Configuration that records into {@code database}, plus {@code extra} settings. */
    public static Map<String, String> config(String database, Map<String, String> extra) {
        InfluxV2Adapter adapter = adapter(database);
        Map<String, String> config = new HashMap<>(extra);
        config.put("hallwatch.timeseries.url", adapter.url().toString());
        config.put("hallwatch.timeseries.token", adapter.token());
        config.put("hallwatch.timeseries.bucket", database);
        return config;
    }
}
