package io.hallwatch.halls;

import io.hallwatch.devices.DeviceApi.ProvisionDevice;
import io.hallwatch.devices.DeviceApi.Provisioned;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.devices.DeviceService;
import io.hallwatch.halls.HallApi.CreateHall;
import io.hallwatch.halls.HallApi.CreateStaff;
import io.hallwatch.halls.HallApi.CreateWindow;
import io.hallwatch.ingest.MqttConfig;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds the demo hall on the first start of the embedded default (no external broker, no halls
 * yet): hall {@code demo}, always open, three windows with A and B staff, a presence sensor and a
 * sign per window, two bins and a badge reader. The devices' MQTT credentials are written to
 * {@code <data-dir>/demo-devices.csv}, since the service keeps only their hashes.
 */
@ApplicationScoped
public class DemoHall {

    public static final String ID = "demo";

    @Inject
    HallService halls;
    @Inject
    DeviceService devices;
    @Inject
    MqttConfig mqtt;
    @ConfigProperty(name = "hallwatch.demo.enabled", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "hallwatch.data-dir", defaultValue = "./data")
    String dataDir;

    void onStart(@Observes @Priority(50) StartupEvent event) {
        if (!enabled || mqtt.url().isPresent() || QuarkusTransaction.requiringNew().call(() -> Hall.count()) > 0) {
            return;
        }
        Path file = Path.of(dataDir, "demo-devices.csv");
        // All or nothing: without the file, the demo devices' passwords would be lost for good.
        QuarkusTransaction.requiringNew().run(() -> writeCredentials(file, seed()));
        Log.infof("Seeded the demo hall '%s'; device credentials are in %s", ID, file.toAbsolutePath());
    }

    private static void writeCredentials(Path file, List<Provisioned> created) {
        List<String> lines = new ArrayList<>(List.of("id,kind,topic,statusTopic,mqttUsername,mqttPassword"));
        created.forEach(p -> lines.add(String.join(",", p.id(), p.kind().wire(), p.topic(), p.statusTopic(),
                p.mqttUsername(), p.mqttPassword())));
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("hallwatch.data-dir: cannot write " + file, e);
        }
    }

    private List<Provisioned> seed() {
        halls.create(new CreateHall(ID, "演示便民服务中心 Demo Service Hall", "Asia/Shanghai", "zh",
                OpeningHours.always(), null));
        List<Provisioned> created = new ArrayList<>();
        for (int w = 1; w <= 3; w++) {
            String window = "W0" + w;
            String a = "S0" + (2 * w - 1);
            String b = "S0" + (2 * w);
            halls.createStaff(new CreateStaff(a, "窗口" + w + " A岗", ID, "04A1B2" + (10 + 2 * w)));
            halls.createStaff(new CreateStaff(b, "窗口" + w + " B岗", ID, "04A1B2" + (11 + 2 * w)));
            halls.createWindow(ID, new CreateWindow(window, w + "号窗口 Window " + w, a, b));
            created.add(devices.provision(new ProvisionDevice("demo-presence-" + w, ID, DeviceKind.PRESENCE, window, null)));
            created.add(devices.provision(new ProvisionDevice("demo-sign-" + w, ID, DeviceKind.SIGNAGE, window, null)));
        }
        created.add(devices.provision(new ProvisionDevice("demo-bin-1", ID, DeviceKind.BIN, null, "东侧等候区 east waiting area")));
        created.add(devices.provision(new ProvisionDevice("demo-bin-2", ID, DeviceKind.BIN, null, "西侧填表台 west form desk")));
        created.add(devices.provision(new ProvisionDevice("demo-badge-1", ID, DeviceKind.BADGE, null, "员工通道 staff entrance")));
        return created;
    }
}
