package io.hallwatch.ingest;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Bounded queues and worker threads between the MQTT callback and {@link IngestProcessor}. Each
 * hall maps to one worker, so a hall's messages are handled in arrival order. {@link #submit} blocks
 * while the hall's queue is full: the MQTT client then stops reading and the broker keeps the
 * messages, instead of the service dropping any. A message is acknowledged to the broker only after
 * it was handled; when the database fails, the worker retries with back-off.
 */
@ApplicationScoped
public class IngestPipeline {

    private static final long FIRST_BACKOFF_MS = 200;
    private static final long MAX_BACKOFF_MS = 30_000;

    @Inject
    IngestConfig config;
    @Inject
    IngestProcessor processor;
    @Inject
    IngestMetrics metrics;

    /** One start-to-stop run of the workers, with its own queues and stop signal. */
    private static final class Run {
        final List<BlockingQueue<InboundMessage>> queues;
        final List<Thread> workers = new ArrayList<>();
        final CountDownLatch stopping = new CountDownLatch(1);
        volatile boolean running = true;

        Run(List<BlockingQueue<InboundMessage>> queues) {
            this.queues = List.copyOf(queues);
        }
    }

    private volatile Run run;

    @jakarta.annotation.PostConstruct
    void registerGauge() {
        metrics.queueDepth(this::depth);
    }

    public synchronized void start() {
        if (run != null && run.running) {
            return;
        }
        List<BlockingQueue<InboundMessage>> queues = new ArrayList<>();
        for (int i = 0; i < config.workers(); i++) {
            queues.add(new ArrayBlockingQueue<>(config.queueCapacity()));
        }
        Run next = new Run(queues);
        for (int i = 0; i < queues.size(); i++) {
            BlockingQueue<InboundMessage> queue = queues.get(i);
            Thread worker = new Thread(() -> work(next, queue), "hallwatch-ingest-" + i);
            worker.setDaemon(true);
            next.workers.add(worker);
        }
        run = next;
        next.workers.forEach(Thread::start);
    }

    /** Queues a message for its hall's worker, waiting while that queue is full. */
    public void submit(InboundMessage message) throws InterruptedException {
        List<BlockingQueue<InboundMessage>> queues = run.queues;
        queues.get(Math.floorMod(message.hallKey().hashCode(), queues.size())).put(message);
    }

    public int depth() {
        Run current = run;
        return current == null ? 0 : current.queues.stream().mapToInt(BlockingQueue::size).sum();
    }

    /**
     * Lets the workers finish what is queued, waiting at most {@code timeout}; what is left is not
     * acknowledged, so the broker delivers it again on the next connection.
     */
    public synchronized void stop(long timeout, TimeUnit unit) {
        Run current = run;
        if (current == null || !current.running) {
            return;
        }
        current.running = false;
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        current.stopping.countDown();
        for (Thread worker : current.workers) {
            try {
                worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        current.workers.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
    }

    private void work(Run own, BlockingQueue<InboundMessage> queue) {
        List<InboundMessage> batch = new ArrayList<>(config.batchSize());
        while (own.running || !queue.isEmpty()) {
            InboundMessage first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, config.batchSize() - 1);
            handleBatch(own, batch);
        }
    }

    /** One transaction for the batch; if it fails, each message on its own, with retries. */
    private void handleBatch(Run own, List<InboundMessage> batch) {
        try {
            processor.handle(batch);
            batch.forEach(message -> message.ack().run());
        } catch (RuntimeException e) {
            Log.debugf("Batch of %d failed (%s); handling its messages one by one", batch.size(), e.getMessage());
            for (InboundMessage message : batch) {
                if (handleWithRetry(own, message)) {
                    message.ack().run();
                }
            }
        }
    }

    /**
     * Returns whether the message was dealt with (and may be acknowledged). A transient failure is
     * retried until it passes or the pipeline stops: the worker, and so the broker, waits meanwhile,
     * since an unacknowledged message would hold a broker slot until the next connection. Any other
     * failure would repeat, so the message is kept at once as PROCESSING_FAILED.
     */
    private boolean handleWithRetry(Run own, InboundMessage message) {
        try {
            return retryingTransient(own, message, () -> processor.handle(List.of(message)));
        } catch (RuntimeException e) {
            Log.errorf(e, "Cannot handle %s; keeping it as PROCESSING_FAILED", message.topic());
            try {
                return retryingTransient(own, message, () -> processor.giveUp(message, e));
            } catch (RuntimeException keepFailed) {
                Log.errorf(keepFailed, "Could not keep %s either; acknowledging it so the broker goes on. Payload: %s",
                        message.topic(), new String(message.payload(), StandardCharsets.UTF_8));
                return true;
            }
        }
    }

    /**
     * Runs {@code action} until it succeeds (true) or the pipeline stops (false), backing off after
     * each transient failure; a failure that would repeat is thrown.
     */
    private static boolean retryingTransient(Run own, InboundMessage message, Runnable action) {
        long backoff = FIRST_BACKOFF_MS;
        while (true) {
            try {
                action.run();
                return true;
            } catch (RuntimeException e) {
                if (!Failures.isTransient(e)) {
                    throw e;
                }
                Log.warnf("Handling %s failed, retrying in %d ms: %s", message.topic(), backoff, e.getMessage());
                if (waitForStop(own, backoff)) {
                    return false;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    /** Waits the back-off, or less if the pipeline stops meanwhile; returns whether it is stopping. */
    private static boolean waitForStop(Run own, long millis) {
        try {
            return own.stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
