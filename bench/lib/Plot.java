import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

/**
 * The report's figure as hand-written SVG: above, the handled rate against the offered rate; below,
 * p99 from ts to handled against the offered rate; both on log axes, a line per system (the median
 * over runs, each run faint behind it), filled dots for held steps and hollow ones for the rest, the
 * 100 ms limit and the 20,000 msg/s target marked.
 */
final class Plot {

    record Point(double offered, double handledRate, double p99, boolean held) {
    }

    /** A system's points per run, its colour and dash pattern (null: solid), so that lines on top of each other show. */
    record Line(String system, String colour, String dash, List<List<Point>> runs) {
    }

    private static final int WIDTH = 900;
    private static final int PANEL = 300;
    private static final int LEFT = 90;
    private static final int RIGHT = 170;
    private static final int TOP = 50;
    private static final int GAP = 70;
    private static final double TARGET = 20_000;

    private final StringBuilder svg = new StringBuilder();
    private final double xMin;
    private final double xMax;
    /** The rate panel reaches down to the lowest handled rate: a system that collapses stays in view. */
    private final double rateMin;

    private Plot(double xMin, double xMax, double rateMin) {
        this.xMin = xMin;
        this.xMax = xMax;
        this.rateMin = rateMin;
    }

    static String render(String title, List<Line> lines) {
        List<Point> all = lines.stream().flatMap(l -> l.runs().stream()).flatMap(List::stream).toList();
        double lo = Math.min(TARGET, all.stream().mapToDouble(Point::offered).min().orElse(1000)) / 1.5;
        double hi = Math.max(TARGET, all.stream().mapToDouble(Point::offered).max().orElse(40000)) * 1.5;
        double handledLo = all.stream().mapToDouble(Point::handledRate).filter(v -> v > 0).min().orElse(lo) / 1.5;
        return new Plot(lo, hi, Math.min(lo, handledLo)).draw(title, lines);
    }

    private String draw(String title, List<Line> lines) {
        int height = TOP + 2 * PANEL + GAP + 60;
        svg.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height));
        svg.append(String.format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        text(WIDTH / 2.0, 25, title, "middle", 15);
        int top2 = TOP + PANEL + GAP;
        panel(TOP, "handled rate (msg/s)", rateMin, xMax, Point::handledRate, lines, false);
        panel(top2, "p99 ts to handled (ms)", 1, 60_000, Point::p99, lines, true);
        text(LEFT + (WIDTH - LEFT - RIGHT) / 2.0, top2 + PANEL + 45, "offered rate (msg/s)", "middle", 13);
        legend(lines);
        return svg.append("</svg>\n").toString();
    }

    private interface Value {
        double of(Point p);
    }

    private void panel(int top, String label, double yMin, double yMax, Value value, List<Line> lines, boolean latency) {
        DoubleUnaryOperator x = v -> LEFT + (WIDTH - LEFT - RIGHT) * Math.log(v / xMin) / Math.log(xMax / xMin);
        DoubleUnaryOperator y = v -> top + PANEL - PANEL * Math.log(clamp(v, yMin, yMax) / yMin) / Math.log(yMax / yMin);
        axes(top, label, x, y, yMin, yMax);
        if (latency) {
            hline(y.applyAsDouble(100), "#d62728", "p99 limit 100 ms");
        } else {
            polyline(List.of(new double[] {x.applyAsDouble(xMin), y.applyAsDouble(xMin)},
                    new double[] {x.applyAsDouble(xMax), y.applyAsDouble(xMax)}), "#bbbbbb", 1, "4 4", 1);
        }
        double tx = x.applyAsDouble(TARGET);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#2ca02c\" "
                + "stroke-dasharray=\"6 3\"/>%n", tx, top, tx, top + PANEL));
        text(tx + 4, top + PANEL - 8, "target 20,000/s", "start", 11);
        for (Line line : lines) {
            for (List<Point> run : line.runs()) {
                series(run, value, x, y, line.colour(), line.dash(), 1, 0.3);
            }
            series(medians(line.runs(), value), p -> p.handledRate(), x, y, line.colour(), line.dash(), 2.5, 1);
        }
    }

    private void series(List<Point> points, Value value, DoubleUnaryOperator x, DoubleUnaryOperator y, String colour,
            String dash, double width, double opacity) {
        List<double[]> xy = new ArrayList<>();
        for (Point p : points) {
            if (Double.isFinite(value.of(p))) {
                xy.add(new double[] {x.applyAsDouble(p.offered()), y.applyAsDouble(value.of(p)), p.held() ? 1 : 0});
            }
        }
        polyline(xy, colour, width, dash, opacity);
        for (double[] p : xy) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" stroke=\"%s\" fill=\"%s\" "
                    + "opacity=\"%.2f\"/>%n", p[0], p[1], width + 1.5, colour, p[2] == 1 ? colour : "white", opacity));
        }
    }

    /**
     * Per offered rate, the median of the runs that reached it; the value plotted rides in
     * {@code handledRate} so that one drawing routine serves both panels.
     */
    private static List<Point> medians(List<List<Point>> runs, Value value) {
        TreeMap<Double, List<Point>> byRate = new TreeMap<>();
        runs.forEach(run -> run.forEach(p -> byRate.computeIfAbsent(p.offered(), k -> new ArrayList<>()).add(p)));
        List<Point> out = new ArrayList<>();
        for (Map.Entry<Double, List<Point>> e : byRate.entrySet()) {
            double median = Stats.median(e.getValue().stream().mapToDouble(value::of).filter(Double::isFinite).toArray());
            long held = e.getValue().stream().filter(Point::held).count();
            out.add(new Point(e.getKey(), median, median, held * 2 > e.getValue().size()));
        }
        return out;
    }

    private void axes(int top, String label, DoubleUnaryOperator x, DoubleUnaryOperator y, double yMin, double yMax) {
        int right = WIDTH - RIGHT;
        svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>%n",
                LEFT, top, right - LEFT, PANEL));
        for (double v : ticks(xMin, xMax)) {
            double px = x.applyAsDouble(v);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>%n",
                    px, top, px, top + PANEL));
            text(px, top + PANEL + 16, format(v), "middle", 11);
        }
        for (double v : ticks(yMin, yMax)) {
            double py = y.applyAsDouble(v);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n",
                    LEFT, py, right, py));
            text(LEFT - 6, py + 4, format(v), "end", 11);
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"%.1f\" transform=\"rotate(-90 20 %.1f)\" "
                + "text-anchor=\"middle\" font-size=\"13\">%s</text>%n", top + PANEL / 2.0, top + PANEL / 2.0, label));
    }

    /** 1, 2, 5 times the powers of ten between the bounds. */
    private static List<Double> ticks(double min, double max) {
        List<Double> ticks = new ArrayList<>();
        for (double decade = Math.pow(10, Math.floor(Math.log10(min))); decade <= max; decade *= 10) {
            for (double m : new double[] {1, 2, 5}) {
                if (decade * m >= min && decade * m <= max) {
                    ticks.add(decade * m);
                }
            }
        }
        return ticks;
    }

    private void hline(double py, String colour, String label) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-dasharray=\"6 3\"/>%n", LEFT, py, WIDTH - RIGHT, py, colour));
        text(WIDTH - RIGHT - 4, py - 5, label, "end", 11);
    }

    private void polyline(List<double[]> points, String colour, double width, String dash, double opacity) {
        if (points.size() < 2) {
            return;
        }
        StringBuilder coords = new StringBuilder();
        points.forEach(p -> coords.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1])));
        svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" "
                + "opacity=\"%.2f\"%s/>%n", coords.toString().trim(), colour, width, opacity,
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
    }

    private void legend(List<Line> lines) {
        int x = WIDTH - RIGHT + 20;
        int y = TOP + 10;
        for (Line line : lines) {
            svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"%s/>%n",
                    x, y, x + 24, y, line.colour(), line.dash() == null ? "" : " stroke-dasharray=\"" + line.dash() + "\""));
            text(x + 30, y + 4, line.system(), "start", 12);
            y += 22;
        }
        svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#bbbbbb\" "
                + "stroke-dasharray=\"4 4\"/>%n", x, y, x + 24, y));
        text(x + 30, y + 4, "handled = offered", "start", 11);
        y += 22;
        text(x, y + 6, "filled: step held", "start", 11);
        text(x, y + 22, "hollow: not held", "start", 11);
        text(x, y + 38, "thick: median of runs", "start", 11);
        text(x, y + 54, "faint: each run", "start", 11);
    }

    private void text(double x, double y, String s, String anchor, int size) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, s.replace("&", "&amp;").replace("<", "&lt;")));
    }

    private static String format(double v) {
        return v >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.0f", v);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
