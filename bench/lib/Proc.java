import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What Linux says about a process and the machine: CPU time (utime + stime of a process and all its
 * descendants, so that a start script's children count), resident memory, and the machine's busy
 * and total CPU time from {@code /proc/stat}. A process that has gone counts as zero.
 */
final class Proc {

    /** USER_HZ: the unit of /proc CPU times. 100 on every Linux this runs on; `getconf CLK_TCK` checks it. */
    static final double TICKS_PER_SECOND = ticksPerSecond();

    /** The machine's CPU time so far, in ticks: busy (all but idle and iowait) and total. */
    record MachineCpu(long busy, long total) {
    }

    private Proc() {
    }

    static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** CPU seconds used so far by the process and its descendants. */
    static double cpuSeconds(long pid) {
        return tree(pid).mapToLong(Proc::ticks).sum() / TICKS_PER_SECOND;
    }

    /** Resident memory of the process and its descendants, in bytes. */
    static long rssBytes(long pid) {
        return tree(pid).mapToLong(p -> statusKb(p, "VmRSS:") * 1024).sum();
    }

    static MachineCpu machineCpu() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new MachineCpu(total - idle, total);
        } catch (IOException e) {
            return new MachineCpu(0, 0);
        }
    }

    private static Stream<Long> tree(long pid) {
        if (pid <= 0) {
            return Stream.empty();
        }
        List<Long> children = ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .map(ProcessHandle::pid).toList();
        return Stream.concat(Stream.of(pid), children.stream());
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name may hold spaces and parentheses: fields are counted after the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone between listing and reading: it holds no memory any more.
        }
        return 0;
    }

    private static double ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? Double.parseDouble(out) : 100;
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100;
        }
    }
}
