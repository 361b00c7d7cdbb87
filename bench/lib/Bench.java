import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The Java half of bench/run (which starts and stops the servers): writes the fleet, provisions and
 * verifies it through the API, measures one system through the rising rates, describes the
 * machine, and writes the report. Subcommands:
 *
 * <pre>
 * devices   --devices N --halls H --out devices.csv
 * provision --mode template|api --api URL --password-file F --devices N --halls H
 * verify    --api URL --password-file F --devices N --halls H
 * measure   --system hallwatch|bare|nodered ... (see {@link #measure})
 * machine   --out machine.json --nodered-dir DIR
 * report    --dir RESULTS
 * </pre>
 *
 * Exits 1 with the reason on stderr when a step cannot be done, 2 on bad options.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: Bench devices|provision|verify|measure|machine|report --option value ...");
            System.exit(2);
        }
        try {
            Options o = new Options(Arrays.asList(args).subList(1, args.length));
            switch (args[0]) {
                case "devices" -> Fleet.write(fleet(o), Path.of(o.string("out")));
                case "provision" -> provision(o);
                case "verify" -> new Provisioner(api(o)).verify(fleet(o));
                case "measure" -> measure(o);
                case "machine" -> Files.writeString(Path.of(o.string("out")),
                        Json.write(Machine.describe(Path.of(o.string("nodered-dir")))));
                case "report" -> report(o);
                default -> throw new IllegalArgumentException("unknown subcommand " + args[0]);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        } catch (IOException | RuntimeException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            System.exit(130);
        }
    }

    private static List<Fleet.Device> fleet(Options o) {
        return Fleet.of(o.integer("devices", 100_000), o.integer("halls", 1000));
    }

    private static Http api(Options o) throws IOException {
        String password = Files.readAllLines(Path.of(o.string("password-file"))).get(0).trim();
        return new Http(o.string("api"), "admin", password, Duration.ofMinutes(5));
    }

    private static void provision(Options o) throws IOException, InterruptedException {
        Provisioner provisioner = new Provisioner(api(o));
        if (o.string("mode").equals("api")) {
            provisioner.all(fleet(o));
        } else {
            provisioner.template(fleet(o));
        }
    }

    /**
     * Measures one system and writes {@code series.json} into {@code --dir}. The system is found by
     * {@code --pid} (its process, whose CPU and memory are sampled together with its descendants) and
     * read through {@code --metrics-url} (HallWatch), {@code --stats-url} (Node-RED) or {@code --fifo}
     * (the bare subscriber's output).
     */
    private static void measure(Options o) throws IOException, InterruptedException {
        String system = o.string("system");
        Path dir = Path.of(o.string("dir"));
        ProbePublisher probe = new ProbePublisher("127.0.0.1", o.integer("broker-port", 18830), o.string("load-user"),
                Path.of(o.string("load-password-file")), Fleet.topic(Fleet.of(1, 1).get(0)));
        try (SystemProbe reader = probe(system, o)) {
            Sampler sampler = new Sampler(reader, o.pid("pid"), o.pid("broker-pid"));
            Map<String, Object> result;
            try {
                result = new Series(system, sampler, Path.of(o.string("log")), loadSettings(o), plan(o), dir, probe).run();
            } catch (IOException | RuntimeException e) {
                Files.writeString(dir.resolve("error.txt"), (e instanceof IOException ? e.getMessage() : e.toString()) + "\n");
                throw e;
            }
            Files.writeString(dir.resolve("series.json"), Json.write(result));
            Series.log("%s: highest rate held %s msg/s (%s)", system, result.get("highestHeldRate"), result.get("stopReason"));
        }
    }

    private static LoadProcess.Settings loadSettings(Options o) {
        List<String> javaOptions = Arrays.stream(o.string("load-java-options", "").split(" "))
                .filter(s -> !s.isBlank()).toList();
        return new LoadProcess.Settings(Path.of(o.string("bridge-jar")), "tcp://127.0.0.1:" + o.string("broker-port"),
                o.string("load-user"), Path.of(o.string("load-password-file")), Path.of(o.string("devices-csv")),
                o.integer("qos", 1), o.integer("connections", 2), javaOptions);
    }

    private static Series.Plan plan(Options o) {
        return new Series.Plan(o.integers("rates", "1000"), o.duration("prewarm", "30s"), o.duration("warmup", "5s"),
                o.duration("step", "30s"), o.duration("drain-timeout", "120s"), o.duration("stall-timeout", "15s"),
                o.integer("stop-after", 2));
    }

    private static SystemProbe probe(String system, Options o) {
        return switch (system) {
            case "hallwatch" -> new HallWatchProbe(o.string("metrics-url"));
            case "nodered" -> new NodeRedProbe(o.string("stats-url"));
            case "bare" -> new BareSubscriber(Path.of(o.string("fifo")));
            default -> throw new IllegalArgumentException("--system must be hallwatch, bare or nodered, not " + system);
        };
    }

    private static void report(Options o) throws IOException {
        Report report = new Report(Path.of(o.string("dir")));
        Map<String, Object> written = report.write();
        System.out.print(new Markdown(written, report.systems()).summary());
    }
}
