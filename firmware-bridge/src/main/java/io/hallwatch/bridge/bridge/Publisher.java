package io.hallwatch.bridge.bridge;

import io.hallwatch.bridge.contract.ContractMessage;

/** Where the bridge puts contract messages: HallWatch's broker, or standard output in a dry run. */
interface Publisher extends AutoCloseable {

    /** Publishes without waiting for the broker; what becomes of it is counted in the bridge's stats. */
    void publish(ContractMessage message);

    @Override
    void close();
}
