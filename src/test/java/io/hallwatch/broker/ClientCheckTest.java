package io.hallwatch.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.broker.ClientCheck.Verdict;
import org.junit.jupiter.api.Test;

class ClientCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode client(String description, boolean disabled, String... roles) throws Exception {
        StringBuilder list = new StringBuilder();
        for (String role : roles) {
            list.append(list.length() == 0 ? "" : ",").append("{\"rolename\":\"").append(role).append("\"}");
        }
        return JSON.readTree("{\"username\":\"d1\"" + (description == null ? "" : ",\"textdescription\":\""
                + description + "\"") + (disabled ? ",\"disabled\":true" : "") + ",\"roles\":[" + list + "]}");
    }

    @Test
    void aClientWithTheCurrentCredentialAndItsRoleIsInSync() throws Exception {
        assertEquals(Verdict.IN_SYNC, ClientCheck.judge("d1", "ab12",
                client(DynSecCommands.DEVICE_MARK + "ab12", false, "hallwatch-device-d1")));
    }

    @Test
    void anActiveDeviceWithoutAClientIsMissing() {
        assertEquals(Verdict.MISSING, ClientCheck.judge("d1", "ab12", null));
    }

    @Test
    void anOlderCredentialOrADisabledClientIsStale() throws Exception {
        assertEquals(Verdict.STALE, ClientCheck.judge("d1", "ab12",
                client(DynSecCommands.DEVICE_MARK + "0000", false, "hallwatch-device-d1")));
        assertEquals(Verdict.STALE, ClientCheck.judge("d1", "ab12",
                client(DynSecCommands.DEVICE_MARK + "ab12", true, "hallwatch-device-d1")));
        assertEquals(Verdict.STALE, ClientCheck.judge("d1", "ab12", client("made by hand", false)));
    }

    @Test
    void theRightCredentialWithoutItsRoleNeedsTheRoleBack() throws Exception {
        assertEquals(Verdict.ROLE_MISSING, ClientCheck.judge("d1", "ab12",
                client(DynSecCommands.DEVICE_MARK + "ab12", false, "someone-elses")));
    }

    @Test
    void aDeviceClientOfARevokedDeviceIsAnOrphanAndOtherClientsAreLeftAlone() throws Exception {
        assertEquals(Verdict.ORPHAN, ClientCheck.judge("d1", null, client(DynSecCommands.DEVICE_MARK + "ab12", false)));
        assertEquals(Verdict.NONE, ClientCheck.judge("admin", null, client("Dynsec admin user", false, "admin")));
        assertEquals(Verdict.NONE, ClientCheck.judge("d1", null, null));
    }
}
