import java.util.Arrays;

/** Medians for the report: of three runs, the middle one; of an even number, the mean of the middle two. */
final class Stats {

    private Stats() {
    }

    /** NaN for no values. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
