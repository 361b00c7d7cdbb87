package io.hallwatch.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.devices.DeviceKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynSecCommandsTest {

    @Test
    void provisioningReplacesWhateverWasThereWithAClientAndARoleOfItsOwn() {
        List<DynSecCommand> commands = DynSecCommands.provision("bin-1", "h1", DeviceKind.BIN, "pw", "ab12");
        assertEquals(List.of("deleteClient", "deleteRole", "createRole", "createClient"),
                commands.stream().map(DynSecCommand::name).toList());
        assertTrue(commands.get(0).tolerates("Client not found"));
        assertTrue(commands.get(1).tolerates("Role not found"));
        assertFalse(commands.get(3).tolerates("Client already exists"), "a failed create must not pass for done");
        Map<String, Object> client = commands.get(3).body();
        assertEquals("bin-1", client.get("username"));
        assertEquals(DynSecCommands.DEVICE_MARK + "ab12", client.get("textdescription"));
        assertEquals(List.of(Map.of("rolename", "hallwatch-device-bin-1")), client.get("roles"));
    }

    @Test
    void aDeviceMayPublishExactlyItsReadingAndStatusTopicsAndNothingElse() {
        List<Map<String, Object>> acls = DynSecCommands.deviceAcls("bin-1", "h1", DeviceKind.BIN);
        List<String> allowed = acls.stream().filter(a -> (Boolean) a.get("allow")).map(a -> a.get("acltype") + " " + a.get("topic")).toList();
        assertEquals(List.of("publishClientSend hallwatch/v1/h1/bin/bin-1", "publishClientSend hallwatch/v1/h1/status/bin-1"),
                allowed);
        List<String> denied = acls.stream().filter(a -> !(Boolean) a.get("allow")).map(a -> a.get("acltype") + " " + a.get("topic")).toList();
        assertTrue(denied.containsAll(List.of("publishClientSend #", "publishClientSend $CONTROL/#", "subscribePattern #",
                "subscribePattern $CONTROL/#", "subscribePattern $SYS/#")), denied.toString());
        int lowestAllow = acls.stream().filter(a -> (Boolean) a.get("allow")).mapToInt(a -> (Integer) a.get("priority")).min().orElseThrow();
        int highestDeny = acls.stream().filter(a -> !(Boolean) a.get("allow")).mapToInt(a -> (Integer) a.get("priority")).max().orElseThrow();
        assertTrue(lowestAllow > highestDeny, "the broker checks higher priorities first: allows must come before the denies");
    }

    @Test
    void theServiceReadsDeviceTopicsAndPublishesAlerts() {
        List<String> acls = DynSecCommands.serviceAcls().stream().map(a -> a.get("acltype") + " " + a.get("topic")).toList();
        assertEquals(List.of("subscribePattern hallwatch/v1/#", "publishClientReceive hallwatch/v1/#",
                "publishClientSend hallwatch/v1/+/alerts/+"), acls);
        assertTrue(DynSecCommands.serviceRole().stream().allMatch(c -> c.tolerates("Role already exists")
                || c.tolerates("ACL with this topic already exists")), "sent at every start without failing");
    }

    @Test
    void rotationAndRevocationTolerateAClientThatIsGone() {
        assertTrue(DynSecCommands.rotate("bin-1", "pw", "ab12").get(0).tolerates("Client not found"));
        assertEquals(List.of("deleteClient", "deleteRole"),
                DynSecCommands.revoke("bin-1").stream().map(DynSecCommand::name).toList());
    }

    @Test
    void aCommandShowsNeitherItsPasswordNorItsBody() {
        DynSecCommand command = DynSecCommands.rotate("bin-1", "s3cret-pw", "ab12").get(0);
        assertEquals("setClientPassword bin-1", command.toString());
    }

    @Test
    void onlyClientsHallWatchMadeCarryAFingerprint() {
        assertEquals("ab12", DynSecCommands.fingerprintOf(DynSecCommands.DEVICE_MARK + "ab12").orElseThrow());
        assertTrue(DynSecCommands.fingerprintOf("Dynsec admin user").isEmpty());
        assertTrue(DynSecCommands.fingerprintOf(null).isEmpty());
    }

    @Test
    void onlyAClientWithoutHallWatchsMarkIsForeign() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertTrue(DynSecCommands.isForeign(json.readTree("{\"username\":\"crew-1\"}")));
        assertTrue(DynSecCommands.isForeign(json.readTree("{\"textdescription\":\"Node-RED\"}")));
        assertFalse(DynSecCommands.isForeign(json.readTree("{\"textdescription\":\"" + DynSecCommands.DEVICE_MARK
                + "ab12\"}")));
        assertFalse(DynSecCommands.isForeign(null), "no client at all is nobody's");
    }

    @Test
    void revokingBesideAForeignClientDeletesOnlyTheDevicesRole() {
        assertEquals(List.of("deleteRole hallwatch-device-bin-1"),
                DynSecCommands.revokeRole("bin-1").stream().map(DynSecCommand::toString).toList());
    }
}
