package io.hallwatch.bridge.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.bridge.contract.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SimDeviceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void tenThousandReadingsAllKeepTheContractWithRisingSeq(Kind kind) throws Exception {
        SimDevice device = new SimDevice("d-1", "h-1", kind, new SplittableRandom(7));
        SplittableRandom random = new SplittableRandom(11);
        long now = System.currentTimeMillis();
        for (int i = 0; i < 10_000; i++) {
            byte[] payload = device.next(now, random);
            assertEquals(List.of(), ContractPayloads.problems(device.topic(), payload, now), new String(payload));
            assertEquals(i, JSON.readTree(payload).get("seq").asLong());
        }
    }

    @Test
    void valuesVaryLikeRealReadings() throws Exception {
        Set<String> fills = values(Kind.BIN, n -> n.get("fill").asText());
        Set<String> occupied = values(Kind.PRESENCE, n -> n.get("occupied").asText());
        Set<String> states = values(Kind.SIGNAGE, n -> n.get("state").asText() + "/" + n.get("showing").asText());

        assertTrue(fills.size() > 100, "a bin fills and is emptied: " + fills.size() + " distinct fills");
        assertEquals(Set.of("true", "false"), occupied);
        assertTrue(states.contains("ok/open") && states.size() > 3, states.toString());
    }

    @Test
    void aMadeUpFleetMixesKindsAndSpreadsOverHallsAndConnections() {
        List<SimDevice> fleet = Fleet.generated("load", 1000, 10, new SplittableRandom(1));
        Map<Kind, Long> kinds = fleet.stream().collect(Collectors.groupingBy(SimDevice::kind, Collectors.counting()));
        List<List<SimDevice>> connections = Fleet.split(fleet, 8);

        assertEquals(Map.of(Kind.PRESENCE, 400L, Kind.SIGNAGE, 250L, Kind.BIN, 300L, Kind.BADGE, 50L), kinds);
        assertEquals(10, Fleet.halls(fleet));
        assertEquals("hallwatch/v1/load-h1/presence/load-d1", fleet.get(0).topic());
        connections.forEach(c -> assertEquals(10, Fleet.halls(c), "each connection carries every hall"));
        assertEquals(1000, connections.stream().mapToInt(List::size).sum());
    }

    private static Set<String> values(Kind kind, Function<JsonNode, String> field) throws Exception {
        SimDevice device = new SimDevice("d-1", "h-1", kind, new SplittableRandom(3));
        SplittableRandom random = new SplittableRandom(5);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            seen.add(field.apply(JSON.readTree(device.next(1L, random))));
        }
        return seen;
    }
}
