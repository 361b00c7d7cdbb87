import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Provisions the fleet through the service's REST API, and checks through it that the service sees
 * a fleet however it was provisioned. Halls are always open (so every rule runs at any hour); each
 * window has its A staff member. The API hashes every device's password and takes a call per hall,
 * staff member and window, so the whole of a large fleet is slow this way (bench/README.md); the
 * SQL seed copies what this makes for the first hall and device.
 */
final class Provisioner {

    private static final int THREADS = 4;
    private static final int IMPORT_BATCH = 1000;

    private final Http http;

    Provisioner(Http http) {
        this.http = http;
    }

    /** The first hall, its first window with its staff member, and the first device: what the SQL seed copies. */
    void template(List<Fleet.Device> fleet) throws IOException, InterruptedException {
        Fleet.Device first = fleet.get(0);
        hall(first.hall());
        window(Fleet.windows(fleet).get(0));
        importDevices(List.of(first));
    }

    void all(List<Fleet.Device> fleet) throws IOException, InterruptedException {
        long start = System.nanoTime();
        parallel(Fleet.halls(fleet), this::hall);
        parallel(Fleet.windows(fleet), this::window);
        Series.log("halls, staff and windows created in %.1f s", (System.nanoTime() - start) / 1e9);
        for (int i = 0; i < fleet.size(); i += IMPORT_BATCH) {
            importDevices(fleet.subList(i, Math.min(fleet.size(), i + IMPORT_BATCH)));
            Series.log("%d of %d devices provisioned, %.1f s so far", Math.min(fleet.size(), i + IMPORT_BATCH),
                    fleet.size(), (System.nanoTime() - start) / 1e9);
        }
    }

    /** Fails unless the service lists every hall and device and answers a sample of them as provisioned. */
    void verify(List<Fleet.Device> fleet) throws IOException, InterruptedException {
        long halls = Json.list(Json.parse(http.get("/api/halls"))).stream()
                .filter(h -> String.valueOf(Json.object(h).get("id")).startsWith(Fleet.PREFIX + "-h")).count();
        long devices = Json.list(Json.parse(http.get("/api/devices"))).stream()
                .filter(d -> String.valueOf(Json.object(d).get("id")).startsWith(Fleet.PREFIX + "-d")).count();
        int expectedHalls = Fleet.halls(fleet).size();
        if (halls != expectedHalls || devices != fleet.size()) {
            throw new IOException("the service lists " + halls + " bench halls and " + devices + " bench devices, not "
                    + expectedHalls + " and " + fleet.size());
        }
        for (int i = 0; i < 20; i++) {
            Fleet.Device d = fleet.get((int) ((long) i * (fleet.size() - 1) / 19));
            Map<String, Object> seen = Json.object(Json.parse(http.get("/api/devices/" + d.id())));
            if (!d.hall().equals(seen.get("hall")) || !d.kind().equalsIgnoreCase(String.valueOf(seen.get("kind")))) {
                throw new IOException("the service answers device " + d.id() + " as " + seen + ", not " + d);
            }
        }
        String lastHall = fleet.get(fleet.size() - 1).hall();
        long windows = Json.list(Json.parse(http.get("/api/halls/" + lastHall + "/windows"))).size();
        long expectedWindows = Fleet.windows(fleet).stream().filter(w -> w.hall().equals(lastHall)).count();
        if (windows != expectedWindows) {
            throw new IOException("hall " + lastHall + " has " + windows + " windows, not " + expectedWindows);
        }
        Series.log("the service sees %d halls and %d devices; a sample of 20 devices and hall %s's %d windows match",
                halls, devices, lastHall, windows);
    }

    private void hall(String id) throws IOException, InterruptedException {
        json("/api/halls", "{\"id\":\"" + id + "\",\"name\":\"Bench hall " + id + "\",\"timezone\":\"Asia/Shanghai\","
                + "\"openingHours\":{\"alwaysOpen\":true}}");
    }

    private void window(Fleet.Window w) throws IOException, InterruptedException {
        json("/api/staff", "{\"id\":\"" + w.staff() + "\",\"name\":\"Staff " + w.id() + "\",\"hall\":\"" + w.hall() + "\"}");
        json("/api/halls/" + w.hall() + "/windows", "{\"id\":\"" + w.id() + "\",\"name\":\"Window " + w.id()
                + "\",\"staffA\":\"" + w.staff() + "\"}");
    }

    private void importDevices(List<Fleet.Device> batch) throws IOException, InterruptedException {
        StringBuilder csv = new StringBuilder("id,hall,kind,window,zone\n");
        batch.forEach(d -> csv.append(Fleet.line(d)).append('\n'));
        Map<String, Object> report = Json.object(Json.parse(http.post("/api/devices/import", "text/csv", csv.toString())));
        long created = StepAnalysis.number(report.get("created"));
        if (created != batch.size()) {
            List<Object> failed = Json.list(report.get("results")).stream()
                    .filter(r -> !"created".equals(Json.object(r).get("status"))).limit(3).toList();
            throw new IOException("the device import created " + created + " of " + batch.size() + " devices; first failures: "
                    + failed.stream().map(r -> Json.object(r).get("id") + ": " + Json.object(r).get("error")).toList());
        }
    }

    private void json(String path, String body) throws IOException, InterruptedException {
        http.post(path, "application/json", body);
    }

    private interface Call<T> {
        void run(T item) throws IOException, InterruptedException;
    }

    private static <T> void parallel(List<T> items, Call<T> call) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    call.run(item);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
