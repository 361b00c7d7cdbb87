package io.hallwatch.bridge.bridge;

import io.hallwatch.bridge.contract.ContractMessage;
import java.io.PrintWriter;

/** The dry run's publisher: each contract message as one line, {@code topic payload}, on standard output. */
final class PrintPublisher implements Publisher {

    private final PrintWriter out;
    private final BridgeStats stats;

    PrintPublisher(PrintWriter out, BridgeStats stats) {
        this.out = out;
        this.stats = stats;
    }

    @Override
    public synchronized void publish(ContractMessage message) {
        out.println(message.topic() + (message.retained() ? " (retained) " : " ") + message.text());
        out.flush();
        stats.published.incrementAndGet();
    }

    @Override
    public void close() {
        out.flush();
    }
}
