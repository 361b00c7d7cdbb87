package io.hallwatch.bridge.map;

import io.hallwatch.bridge.contract.ContractMessage;
import java.util.List;

/**
 * What became of one vendor message: contract messages to publish, a refusal with the reason, or
 * nothing to do (an empty payload clearing a retained message, or a retained reading that is only the
 * broker's copy of an old one; counted, not an error). Each device's message is whole or absent, never
 * half made. When one vendor message feeds several devices (the switches of one Tasmota, the channels
 * of one LoRaWAN node), each device's part is mapped on its own: the parts that map are published and
 * those that cannot are listed in {@link Mapped#refusals()}, each reason naming its device; only when
 * no part maps is the whole message {@code Refused} (or {@code Ignored}).
 */
public sealed interface MapResult {

    /**
     * @param messages the contract messages to publish, at least one
     * @param refusals the reasons of the devices on the same vendor topic whose part was refused; the
     *                 runtime counts and logs each like a {@link Refused}
     */
    record Mapped(List<ContractMessage> messages, List<String> refusals) implements MapResult {
        public Mapped {
            messages = List.copyOf(messages);
            refusals = List.copyOf(refusals);
        }

        public Mapped(List<ContractMessage> messages) {
            this(messages, List.of());
        }
    }

    record Refused(String reason) implements MapResult {
    }

    record Ignored(String reason) implements MapResult {
    }
}
