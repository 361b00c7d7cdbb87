package io.hallwatch.bins;

import io.hallwatch.calendar.DaySchedule;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.Outcome;
import io.hallwatch.rules.Times;
import io.hallwatch.workorders.OrderCommand;
import io.hallwatch.workorders.OrderCommand.Escalate;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.OrderCommand.Resolve;
import io.hallwatch.workorders.Severity;
import io.hallwatch.workorders.Text;
import io.hallwatch.workorders.WorkOrderType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BIN_FULL and BIN_NOT_EMPTIED for one bin (垃圾超过2/3应及时清理, 日产日清), and its fill-rate
 * estimate. Plain Java.
 * <ul>
 * <li>Fill at or above full opens BIN_FULL (while the hall is open), critical from the critical fill
 * on (escalating an order already open). A drop below full minus the hysteresis means the bin was
 * emptied: the order resolves with when.</li>
 * <li>At each closing time of an open day, a bin not emptied that day holding more than the minimum
 * opens BIN_NOT_EMPTIED, resolved when it is emptied.</li>
 * </ul>
 * Emptying is a drop of at least the hysteresis from the highest fill since the last emptying, to
 * below full minus the hysteresis, so that sensor noise is not taken for the crew.
 */
public final class BinRule {

    public static final String RULE = "BIN";
    static final Duration SAMPLE_HORIZON = Duration.ofHours(6);
    static final int MAX_SAMPLES = 48;
    private static final int MAX_DAYS_CAUGHT_UP = 31;

    private final HallContext hall;
    private final String device;
    private final String zone;

    public BinRule(HallContext hall, String device, String zone) {
        this.hall = hall;
        this.device = device;
        this.zone = zone == null ? device : zone;
    }

    public Outcome reading(BinState s, double fill, Instant ts) {
        List<OrderCommand> out = new ArrayList<>();
        Instant t = Times.latest(ts, s.evaluatedAt);
        evaluate(s, t, out);
        if (s.checkedThrough == null) {
            s.checkedThrough = t;
        }
        if (s.fill != null && emptied(s, fill)) {
            emptied(s, fill, t, out);
        }
        s.fill = fill;
        s.fillAt = t;
        s.peak = Math.max(s.peak, fill);
        addSample(s, t, fill);
        if (fill >= hall.settings().binFullPercent()) {
            s.fullSince = s.fullSince == null ? t : s.fullSince;
            escalateIfCritical(s, fill, t, out);
        } else if (!s.fullOpen && fill < resetBelow()) {
            s.fullSince = null;
        }
        return judge(s, t, out);
    }

    public Outcome advance(BinState s, Instant now) {
        return judge(s, Times.latest(now, s.evaluatedAt), new ArrayList<>());
    }

    /** The fill rate from readings since the last emptying, and when the bin will be full; null when unknown. */
    public FillEstimate estimate(BinState s) {
        List<BinState.Sample> samples = s.samples;
        if (s.fill == null || samples.size() < 3
                || Duration.between(samples.get(0).at(), samples.get(samples.size() - 1).at()).toMinutes() < 15) {
            return null;
        }
        double rate = slopePerHour(samples);
        if (s.fill >= hall.settings().binFullPercent()) {
            return new FillEstimate(rate, s.fullSince);
        }
        if (rate <= 0.01) {
            return new FillEstimate(rate, null);
        }
        long seconds = (long) ((hall.settings().binFullPercent() - s.fill) / rate * 3600);
        return new FillEstimate(rate, s.fillAt.plusSeconds(seconds));
    }

    private boolean emptied(BinState s, double fill) {
        double hysteresis = hall.settings().binHysteresisPoints();
        return s.peak - fill >= hysteresis && fill < resetBelow();
    }

    private double resetBelow() {
        return hall.settings().binFullPercent() - hall.settings().binHysteresisPoints();
    }

    private void emptied(BinState s, double fill, Instant t, List<OrderCommand> out) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("emptiedAt", t.toString());
        evidence.put("fillBefore", s.peak);
        evidence.put("fillAfter", fill);
        Text reason = new Text("垃圾桶已清理（" + pct(s.peak) + "% → " + pct(fill) + "%）",
                "Bin emptied (" + pct(s.peak) + " % to " + pct(fill) + " %)");
        if (s.fullOpen) {
            out.add(new Resolve(WorkOrderType.BIN_FULL, device, t, reason, evidence, actor("BIN_FULL")));
        }
        if (s.notEmptiedOpen) {
            out.add(new Resolve(WorkOrderType.BIN_NOT_EMPTIED, device, t, reason, evidence, actor("BIN_NOT_EMPTIED")));
        }
        s.fullOpen = false;
        s.notEmptiedOpen = false;
        s.fullSince = null;
        s.critical = false;
        s.lastEmptiedAt = t;
        s.peak = fill;
        s.samples = new ArrayList<>();
    }

    private void escalateIfCritical(BinState s, double fill, Instant t, List<OrderCommand> out) {
        if (!s.fullOpen || s.critical || fill < hall.settings().binCriticalPercent()) {
            return;
        }
        s.critical = true;
        out.add(new Escalate(WorkOrderType.BIN_FULL, device, t, Severity.CRITICAL,
                new Text("垃圾桶已达" + pct(fill) + "%，即将溢出", "Bin at " + pct(fill) + " %, about to overflow"),
                Map.of("fill", fill, "critical", true), actor("BIN_FULL")));
    }

    private Outcome judge(BinState s, Instant t, List<OrderCommand> out) {
        evaluate(s, t, out);
        Instant fullDue = s.fullOpen || s.fullSince == null ? null : hall.firstOpen(s.fullSince, null);
        return new Outcome(out, Times.earliest(Times.after(t, fullDue), nextClosing(s)));
    }

    private void evaluate(BinState s, Instant t, List<OrderCommand> out) {
        s.evaluatedAt = t;
        if (s.fullSince != null && !s.fullOpen) {
            Instant due = hall.firstOpen(s.fullSince, null);
            if (Times.reached(due, t)) {
                s.fullOpen = true;
                s.critical = s.fill >= hall.settings().binCriticalPercent();
                out.add(openFull(s, due));
            }
        }
        for (int day = 0; day < MAX_DAYS_CAUGHT_UP; day++) {
            Instant closing = nextClosing(s);
            if (!Times.reached(closing, t)) {
                return;
            }
            checkClosing(s, closing, out);
            s.checkedThrough = closing;
        }
    }

    private void checkClosing(BinState s, Instant closing, List<OrderCommand> out) {
        LocalDate day = closing.minusNanos(1).atZone(hall.calendar().zone()).toLocalDate();
        boolean emptiedToday = s.lastEmptiedAt != null
                && !s.lastEmptiedAt.atZone(hall.calendar().zone()).toLocalDate().isBefore(day);
        if (s.notEmptiedOpen || emptiedToday || s.fill == null || s.fill <= hall.settings().binNotEmptiedMinPercent()) {
            return;
        }
        s.notEmptiedOpen = true;
        Map<String, Object> details = details(s);
        details.put("day", day.toString());
        details.put("lastEmptiedAt", s.lastEmptiedAt == null ? null : s.lastEmptiedAt.toString());
        out.add(new Open(WorkOrderType.BIN_NOT_EMPTIED, device, closing, closing,
                WorkOrderType.BIN_NOT_EMPTIED.defaultSeverity(),
                new Text(zone + " 垃圾桶今日未清理（闭厅时" + pct(s.fill) + "%），请落实日产日清",
                        zone + ": bin " + device + " was not emptied today (" + pct(s.fill) + " % at closing)"),
                details, actor("BIN_NOT_EMPTIED")));
    }

    /** The first closing time of an open day after the last one judged; null before the first reading. */
    private Instant nextClosing(BinState s) {
        if (s.checkedThrough == null) {
            return null;
        }
        LocalDate date = s.checkedThrough.atZone(hall.calendar().zone()).toLocalDate();
        for (int i = 0; i <= MAX_DAYS_CAUGHT_UP; i++) {
            DaySchedule day = hall.calendar().day(date.plusDays(i), null);
            Instant closes = day.closesAt().orElse(null);
            if (closes != null && closes.isAfter(s.checkedThrough)) {
                return closes;
            }
        }
        return null;
    }

    private Open openFull(BinState s, Instant at) {
        boolean critical = s.critical;
        Map<String, Object> details = details(s);
        details.put("fullSince", s.fullSince.toString());
        details.put("fullPercent", hall.settings().binFullPercent());
        details.put("critical", critical);
        Text summary = new Text(zone + " 垃圾桶已满" + pct(s.fill) + "%（超过清理线" + pct(hall.settings().binFullPercent())
                + "%），请及时清理", zone + ": bin " + device + " is " + pct(s.fill) + " % full (limit "
                + pct(hall.settings().binFullPercent()) + " %); empty it");
        return new Open(WorkOrderType.BIN_FULL, device, at, s.fullSince,
                critical ? Severity.CRITICAL : WorkOrderType.BIN_FULL.defaultSeverity(), summary, details, actor("BIN_FULL"));
    }

    private Map<String, Object> details(BinState s) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("device", device);
        details.put("zone", zone);
        details.put("fill", s.fill);
        return details;
    }

    private static void addSample(BinState s, Instant t, double fill) {
        s.samples.add(new BinState.Sample(t, fill));
        Instant horizon = t.minus(SAMPLE_HORIZON);
        s.samples.removeIf(sample -> sample.at().isBefore(horizon));
        while (s.samples.size() > MAX_SAMPLES) {
            s.samples.remove(0);
        }
    }

    /** Least-squares slope of fill over time, in points per hour. */
    private static double slopePerHour(List<BinState.Sample> samples) {
        Instant origin = samples.get(0).at();
        double n = samples.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (BinState.Sample sample : samples) {
            double x = Duration.between(origin, sample.at()).toMillis() / 3_600_000.0;
            sx += x;
            sy += sample.fill();
            sxx += x * x;
            sxy += x * sample.fill();
        }
        double denominator = n * sxx - sx * sx;
        return denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
    }

    private String actor(String type) {
        return "rule:" + type + " sensor:" + device;
    }

    private static String pct(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
