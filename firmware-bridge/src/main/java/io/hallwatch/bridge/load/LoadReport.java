package io.hallwatch.bridge.load;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a load run achieved, as {@code load} prints it and writes it as JSON (the field names are the
 * JSON report's). Rates are messages per second over the measured period (after the warm-up):
 * {@code achievedRate} counts the acknowledgements that arrived in it (QoS 1 and 2: PUBACK/PUBCOMP;
 * QoS 0: written to the socket). The target counts as reached at 95 % of it.
 *
 * @param startedAt      when the command started connecting (ISO-8601)
 * @param endedAt        when the report was made, after the drain (ISO-8601)
 * @param scheduled      messages the schedule called for, including warm-up
 * @param missed         messages not sent because the generator itself fell more than 100 ms behind
 * @param errors         messages not published, by cause
 * @param lastOtherError the message of the latest error of cause {@code other}, or null
 * @param disconnects    connections lost during the run (Paho reconnects them)
 * @param interrupted    whether Ctrl-C or SIGTERM ended the run early
 */
public record LoadReport(String broker, int qos, int devices, long halls, int connections, int maxInflight,
        String startedAt, String endedAt, double warmupSeconds, double durationSeconds, double measuredSeconds,
        double offeredRate, double sentRate, double achievedRate, boolean reachedTarget,
        long scheduled, long sent, long acked, long measuredSent, long measuredAcked, long missed,
        long errorTotal, Map<String, Long> errors, String lastOtherError, long disconnects, Latency latencyMs,
        boolean interrupted) {

    /** The target counts as reached at this share of it: the last messages of the period are still in flight. */
    static final double TARGET_SHARE = 0.95;

    /**
     * Latency from publish to acknowledgement of the messages sent in the measured period, in milliseconds.
     *
     * @param count how many were measured
     */
    public record Latency(long count, double p50, double p90, double p99, double max) {

        static Latency of(LatencyHistogram histogram) {
            return new Latency(histogram.count(), ms(histogram.percentileMicros(50)), ms(histogram.percentileMicros(90)),
                    ms(histogram.percentileMicros(99)), ms(histogram.maxMicros()));
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }
    }

    static LoadReport of(LoadSettings settings, LoadStats stats, int devices, List<List<SimDevice>> groups,
            Instant startedAt, Instant endedAt, boolean interrupted) {
        double measured = Math.max(0, stats.measureUntil() - stats.measureFrom()) / 1e9;
        double achieved = measured > 0 ? stats.measuredAcked() / measured : 0;
        long halls = Fleet.halls(groups.stream().flatMap(List::stream).toList());
        return new LoadReport(settings.broker().url(), settings.qos(), devices, halls, settings.connections(),
                settings.maxInflight(), startedAt.toString(), endedAt.toString(), seconds(settings.warmup().toNanos()),
                seconds(settings.duration().toNanos()), round(measured), settings.rate(),
                round(measured > 0 ? stats.measuredSent() / measured : 0), round(achieved),
                achieved >= TARGET_SHARE * settings.rate(), stats.scheduled(), stats.sent(), stats.acked(),
                stats.measuredSent(), stats.measuredAcked(), stats.missed(), stats.errorTotal(), stats.errors(),
                stats.lastOther(), stats.disconnects(), Latency.of(stats.latency()), interrupted);
    }

    public void print(PrintWriter out) {
        out.printf("load on %s: %d devices in %d halls over %d connections, QoS %d%s%n", broker, devices, halls,
                connections, qos, interrupted ? " (stopped early: Ctrl-C or SIGTERM)" : "");
        out.printf("measured %.2f s after %.1f s of warm-up, from %s to %s%n", measuredSeconds, warmupSeconds, startedAt, endedAt);
        out.printf("rate: target %.0f msg/s, sent %.1f msg/s, acknowledged %.1f msg/s (%.0f %% of target)%n",
                offeredRate, sentRate, achievedRate, 100 * achievedRate / offeredRate);
        out.printf("messages: sent %d, acknowledged %d, errors %d%s, missed by the generator %d, lost connections %d%n",
                sent, acked, errorTotal, errorDetail(), missed, disconnects);
        if (lastOtherError != null) {
            out.println("latest other error: " + lastOtherError);
        }
        out.printf("latency publish to acknowledgement: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d messages)%n",
                latencyMs.p50(), latencyMs.p90(), latencyMs.p99(), latencyMs.max(), latencyMs.count());
        out.println(reachedTarget ? "reached the target rate"
                : "BELOW TARGET: " + (missed > 0 ? "this machine could not generate the load fast enough"
                        : "the broker (or the network) did not keep up"));
        out.flush();
    }

    private String errorDetail() {
        String detail = errors.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return detail.isEmpty() ? "" : " (" + detail + ")";
    }

    private static double seconds(long nanos) {
        return round(nanos / 1e9);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
