package io.hallwatch.bridge.load;

import io.hallwatch.bridge.contract.Contract;
import io.hallwatch.bridge.contract.Kind;
import io.hallwatch.bridge.provision.DeviceRow;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The devices of a load run: made up ({@code {prefix}-d{n}} in halls {@code {prefix}-h{n}}, in a mix
 * of kinds like a real hall's: 40 % presence, 25 % signage, 30 % bins, 5 % badge readers) or taken
 * from a devices file, and dealt out over the connections so that each carries a share of every hall.
 */
public final class Fleet {

    private Fleet() {
    }

    public static List<SimDevice> generated(String prefix, int devices, int halls, SplittableRandom random) {
        Contract.checked("device", prefix + "-d" + devices);
        Contract.checked("hall", prefix + "-h" + halls);
        List<SimDevice> fleet = new ArrayList<>(devices);
        for (int n = 1; n <= devices; n++) {
            // Halls take consecutive devices, so that dealing devices round-robin gives each connection every hall.
            String hall = prefix + "-h" + ((long) (n - 1) * halls / devices + 1);
            fleet.add(new SimDevice(prefix + "-d" + n, hall, kindOf(n), random));
        }
        return fleet;
    }

    /** The first {@code limit} devices of a devices file. */
    public static List<SimDevice> of(List<DeviceRow> rows, int limit, SplittableRandom random) {
        return rows.stream().limit(limit).map(r -> new SimDevice(r.id(), r.hall(), r.kind(), random)).toList();
    }

    /** Device {@code n} (from 1) of a made-up fleet: 8 of every 20 presence, 5 signage, 6 bins, 1 badge reader. */
    static Kind kindOf(int n) {
        int slot = n % 20;
        if (slot < 8) {
            return Kind.PRESENCE;
        }
        if (slot < 13) {
            return Kind.SIGNAGE;
        }
        return slot < 19 ? Kind.BIN : Kind.BADGE;
    }

    /** The devices dealt round-robin into {@code groups} lists, none empty when there are enough devices. */
    public static List<List<SimDevice>> split(List<SimDevice> devices, int groups) {
        List<List<SimDevice>> split = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            split.add(new ArrayList<>());
        }
        for (int i = 0; i < devices.size(); i++) {
            split.get(i % groups).add(devices.get(i));
        }
        return split;
    }

    public static long halls(List<SimDevice> devices) {
        return devices.stream().map(SimDevice::hall).distinct().count();
    }
}
