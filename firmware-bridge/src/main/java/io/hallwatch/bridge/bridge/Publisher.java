package io.hallwatch.bridge.bridge;

import io.hallwatch.bridge.contract.ContractMessage;

/** Where the bridge puts contract messages: HallWatch's broker, or standard output in a dry run. */
interface Publisher extends AutoCloseable {

    /** Publishes without waiting; failures are counted in {@code stats}. */
    void publish(ContractMessage message, BridgeStats stats);

    @Override
    void close();
}
