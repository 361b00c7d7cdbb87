package io.hallwatch.bridge.map;

import io.hallwatch.bridge.contract.ContractMessage;
import java.util.List;

/**
 * What became of one vendor message: contract messages to publish (all of them or none, never half
 * a message), a refusal with the reason, or nothing to do (a vendor message that carries nothing the
 * contract has, such as a Zigbee2MQTT bridge log; counted, not an error).
 */
public sealed interface MapResult {

    record Mapped(List<ContractMessage> messages) implements MapResult {
        public Mapped {
            messages = List.copyOf(messages);
        }
    }

    record Refused(String reason) implements MapResult {
    }

    record Ignored(String reason) implements MapResult {
    }
}
