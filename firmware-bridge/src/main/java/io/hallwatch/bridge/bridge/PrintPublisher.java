package io.hallwatch.bridge.bridge;

import io.hallwatch.bridge.contract.ContractMessage;
import java.io.PrintWriter;

/** The dry run's publisher: each contract message as one line, {@code topic payload}, on standard output. */
final class PrintPublisher implements Publisher {

    private final PrintWriter out;

    PrintPublisher(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void publish(ContractMessage message, BridgeStats stats) {
        out.println(message.topic() + (message.retained() ? " (retained) " : " ") + message.text());
        out.flush();
        stats.published.incrementAndGet();
    }

    @Override
    public void close() {
        out.flush();
    }
}
