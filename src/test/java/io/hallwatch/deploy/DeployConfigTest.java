package io.hallwatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files under {@code deploy/} (compose, Kubernetes, systemd): they parse, they name only
 * settings the service really reads, and they carry what their tools need. Nothing is started: no Docker
 * engine or cluster is needed. SnakeYAML is on the test class path through smallrye-open-api (a
 * test-scoped declaration would take it off the service's run-time class path). The Kubernetes checks
 * live in {@link KubernetesChecks}.
 */
class DeployConfigTest {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path COMPOSE_DIR = DEPLOY.resolve("compose");
    static final Path COMPOSE = COMPOSE_DIR.resolve("compose.yaml");
    static final Path ENV_EXAMPLE = COMPOSE_DIR.resolve(".env.example");
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    static final Path UNIT = DEPLOY.resolve("systemd/hallwatch.service");
    static final Path UNIT_ENV = DEPLOY.resolve("systemd/hallwatch.env.example");
    /** Grafana's provisioning and boards, written separately and mounted by compose. */
    static final Path GRAFANA = ROOT.resolve("grafana");

    private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern ENV_ASSIGNMENT = Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_]*)=");

    @Test
    void everyYamlAndJsonFileParses() throws Exception {
        List<Path> files = deployAndGrafanaFiles();
        List<Path> yaml = files.stream().filter(f -> f.toString().matches(".*\\.ya?ml")).toList();
        List<Path> json = files.stream().filter(f -> f.toString().endsWith(".json")).toList();
        assertTrue(yaml.size() >= 8, "expected the compose file and the Kubernetes manifests, found " + yaml);
        for (Path file : yaml) {
            assertFalse(yamlDocuments(file).isEmpty(), file + " holds no YAML document");
        }
        ObjectMapper mapper = new ObjectMapper();
        for (Path file : json) {
            assertNotNull(mapper.readTree(file.toFile()), file + " is empty");
        }
    }

    @Test
    void composeRunsTheWholeStackInOrder() {
        Map<String, Object> services = Tree.map(yamlDocuments(COMPOSE).get(0).get("services"));
        assertEquals(Set.of("mosquitto", "postgres", "influxdb", "hallwatch", "grafana"), services.keySet());
        services.forEach((name, service) -> assertNotNull(Tree.map(service).get("healthcheck"), name + " has no healthcheck"));
        Map<String, Object> hallwatch = Tree.map(services.get("hallwatch"));
        Map<String, Object> build = Tree.map(hallwatch.get("build"));
        Path dockerfile = COMPOSE_DIR.resolve(String.valueOf(build.get("context"))).resolve(String.valueOf(build.get("dockerfile")));
        assertTrue(Files.isRegularFile(dockerfile.normalize()), "no Dockerfile at " + dockerfile);
        Map<String, Object> dependsOn = Tree.map(hallwatch.get("depends_on"));
        for (String dependency : List.of("mosquitto", "postgres", "influxdb")) {
            assertEquals("service_healthy", Tree.map(dependsOn.get(dependency)).get("condition"), "hallwatch waits for " + dependency);
        }
        Map<String, Object> environment = Tree.map(hallwatch.get("environment"));
        for (String variable : List.of("HALLWATCH_MQTT_URL", "QUARKUS_DATASOURCE_JDBC_URL", "HALLWATCH_TIMESERIES_URL")) {
            assertTrue(environment.containsKey(variable), "hallwatch's environment lacks " + variable);
        }
    }

    @Test
    void composeMountsFilesThatExistAndScriptsThatRun() throws Exception {
        Map<String, Object> services = Tree.map(yamlDocuments(COMPOSE).get(0).get("services"));
        List<String> missing = new ArrayList<>();
        for (Object service : services.values()) {
            for (Object volume : Tree.list(Tree.map(service).get("volumes"))) {
                String source = String.valueOf(volume).split(":")[0];
                Path path = COMPOSE_DIR.resolve(source).normalize();
                // grafana/ is written separately; its absence is not a deploy/ mistake.
                if (source.startsWith(".") && !path.startsWith(GRAFANA) && !Files.exists(path)) {
                    missing.add(source);
                }
            }
        }
        assertTrue(missing.isEmpty(), "compose.yaml mounts files that do not exist: " + missing);
        // The InfluxDB image runs only the executable scripts of /docker-entrypoint-initdb.d.
        try (Stream<Path> scripts = Files.list(COMPOSE_DIR.resolve("influxdb/init"))) {
            List<Path> all = scripts.toList();
            assertFalse(all.isEmpty(), "no InfluxDB init script");
            all.forEach(script -> assertTrue(Files.isExecutable(script), script + " must be executable"));
        }
        assertTrue(Files.isExecutable(COMPOSE_DIR.resolve("mqtt-user.sh")), "mqtt-user.sh must be executable");
    }

    @Test
    void envExampleDefinesExactlyTheVariablesComposeUses() {
        Set<String> used = matches(INTERPOLATION, DeployedNames.text(COMPOSE));
        Set<String> defined = matches(ENV_ASSIGNMENT, DeployedNames.text(ENV_EXAMPLE));
        assertEquals(used, defined, ".env.example and the ${...} of compose.yaml differ");
    }

    @Test
    void serviceSettingsAreFoundInTheSources() {
        Set<String> read = ServiceSettings.of(ROOT).properties();
        for (String property : List.of("hallwatch.mqtt.client-id", "hallwatch.mqtt.embedded.port",
                "hallwatch.ingest.max-future-skew", "hallwatch.notify.secret-key", "hallwatch.data-dir",
                "hallwatch.timeseries.token", "quarkus.datasource.jdbc.url")) {
            assertTrue(read.contains(property), property + " not found among " + read);
        }
        assertFalse(read.contains("hallwatch.mqtt.embedded"), "a config group is not a property");
    }

    @Test
    void everySettingNamedInDeployIsOneTheServiceReads() {
        DeployedNames names = new DeployedNames();
        Tree.map(yamlDocuments(COMPOSE).get(0).get("services"))
                .values().forEach(service -> names.composeEnvironment(COMPOSE, Tree.map(service).get("environment")));
        names.envFile(ENV_EXAMPLE);
        names.envFile(UNIT_ENV);
        names.unitEnvironment(UNIT);
        kubernetesDocuments().forEach((file, document) -> KubernetesChecks.settingNames(file, document, names));
        DeployedNames.filesUnder(DEPLOY).forEach(names::anyText);
        assertTrue(names.found().stream().anyMatch(n -> n.name().equals("HALLWATCH_MQTT_URL")), "found no settings at all");

        ServiceSettings service = ServiceSettings.of(ROOT);
        List<String> unknown = names.found().stream()
                .filter(n -> n.variable() ? !service.readsVariable(n.name()) : !service.readsProperty(n.name()))
                .map(n -> ROOT.relativize(n.file()) + ": " + n.name()).distinct().toList();
        assertTrue(unknown.isEmpty(), "settings the service does not read (a typo, or a setting that does not exist):\n  "
                + String.join("\n  ", unknown));
    }

    @Test
    void systemdUnitIsSane() {
        UnitFile unit = UnitFile.parse(DeployedNames.text(UNIT));
        assertEquals(List.of(), unit.unknownKeys(), "directives systemd would ignore");
        assertEquals("/etc/hallwatch/hallwatch.env", unit.value("Service", "EnvironmentFile"));
        String user = unit.value("Service", "User");
        assertTrue(user != null && !user.equals("root"), "the service needs its own user");
        String exec = unit.value("Service", "ExecStart");
        assertTrue(exec.startsWith("/") && exec.contains(" -jar ") && exec.endsWith("quarkus-app/quarkus-run.jar"), exec);
        assertEquals("on-failure", unit.value("Service", "Restart"));
        assertEquals("strict", unit.value("Service", "ProtectSystem"));
        assertEquals("yes", unit.value("Service", "NoNewPrivileges"));
        assertEquals("multi-user.target", unit.value("Install", "WantedBy"));
        Matcher dataDir = Pattern.compile("(?m)^HALLWATCH_DATA_DIR=(\\S+)$").matcher(DeployedNames.text(UNIT_ENV));
        assertTrue(dataDir.find(), "hallwatch.env.example sets no HALLWATCH_DATA_DIR");
        String writable = unit.value("Service", "ReadWritePaths");
        assertTrue(writable != null && List.of(writable.split("\\s+")).contains(dataDir.group(1)),
                "ReadWritePaths must hold the data directory " + dataDir.group(1));
    }

    @Test
    void bridgeUnitRunsTheBridgeJarOnItsInstanceFile() {
        UnitFile unit = UnitFile.parse(DeployedNames.text(DEPLOY.resolve("systemd/hallwatch-bridge@.service")));
        assertEquals(List.of(), unit.unknownKeys(), "directives systemd would ignore");
        String exec = unit.value("Service", "ExecStart");
        assertTrue(exec.contains("-jar /opt/hallwatch/firmware-bridge.jar bridge --config /etc/hallwatch/bridge/%i.yaml"), exec);
        assertTrue(!"root".equals(unit.value("Service", "User")), "the bridge needs its own user");
        assertEquals("strict", unit.value("Service", "ProtectSystem"));
    }

    @Test
    void grafanaBoardsAreMountedWhereTheirProviderLooks() {
        Path providers = GRAFANA.resolve("provisioning/dashboards");
        List<Path> files = Files.isDirectory(providers) ? DeployedNames.filesUnder(providers).stream()
                .filter(f -> f.toString().matches(".*\\.ya?ml")).toList() : List.of();
        Assumptions.assumeFalse(files.isEmpty(), "grafana/provisioning/dashboards is not written yet");
        Map<String, Object> grafana = Tree.map(Tree.at(yamlDocuments(COMPOSE).get(0), "services.grafana"));
        String target = Tree.list(grafana.get("volumes")).stream().map(String::valueOf)
                .filter(v -> v.startsWith("../../grafana/dashboards:")).map(v -> v.split(":")[1]).findFirst()
                .orElseThrow(() -> new AssertionError("compose.yaml does not mount grafana/dashboards"));
        for (Path file : files) {
            for (Object provider : Tree.list(yamlDocuments(file).get(0).get("providers"))) {
                Path path = Path.of(String.valueOf(Tree.at(Tree.map(provider), "options.path")));
                // The provider must look at the mounted folder or a folder inside it that holds boards.
                Path mounted = Path.of(target);
                Path seen = path.startsWith(mounted) ? GRAFANA.resolve("dashboards").resolve(mounted.relativize(path)) : null;
                assertTrue(seen != null && Files.isDirectory(seen),
                        file + " reads boards from " + path + ", but compose mounts grafana/dashboards at " + target);
            }
        }
    }

    @Test
    void kubernetesManifestsAreSane() {
        Map<Path, Map<String, Object>> documents = kubernetesDocuments();
        documents.forEach(KubernetesChecks::apiVersionAndKind);
        KubernetesChecks.wholeSet(KUBERNETES, documents);
    }

    private static List<Path> deployAndGrafanaFiles() {
        List<Path> files = new ArrayList<>(DeployedNames.filesUnder(DEPLOY));
        if (Files.isDirectory(GRAFANA)) {
            files.addAll(DeployedNames.filesUnder(GRAFANA));
        }
        return files;
    }

    /** Every document of every Kubernetes YAML file; the key is the file and the document's index. */
    static Map<Path, Map<String, Object>> kubernetesDocuments() {
        Map<Path, Map<String, Object>> documents = new LinkedHashMap<>();
        for (Path file : DeployedNames.filesUnder(KUBERNETES)) {
            if (file.toString().endsWith(".yaml")) {
                List<Map<String, Object>> all = yamlDocuments(file);
                for (int i = 0; i < all.size(); i++) {
                    documents.put(all.size() == 1 ? file : file.resolveSibling(file.getFileName() + "#" + i), all.get(i));
                }
            }
        }
        return documents;
    }

    static List<Map<String, Object>> yamlDocuments(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (Object document : yaml.loadAll(DeployedNames.text(file))) {
            if (document != null) {
                documents.add(Tree.map(document));
            }
        }
        return documents;
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
