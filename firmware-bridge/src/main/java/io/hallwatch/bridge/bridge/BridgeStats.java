package io.hallwatch.bridge.bridge;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the bridge has done since it started: vendor messages received, refused and ignored, and
 * contract messages published and failed. Read by the periodic report and by tests.
 */
public final class BridgeStats {

    final AtomicLong received = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong ignored = new AtomicLong();
    final AtomicLong published = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    public long received() {
        return received.get();
    }

    public long refused() {
        return refused.get();
    }

    public long ignored() {
        return ignored.get();
    }

    public long published() {
        return published.get();
    }

    public long failed() {
        return failed.get();
    }

    @Override
    public String toString() {
        return "received " + received + ", refused " + refused + ", ignored " + ignored
                + ", published " + published + ", publish errors " + failed;
    }
}
