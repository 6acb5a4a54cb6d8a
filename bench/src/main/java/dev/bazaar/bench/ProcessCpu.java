package dev.bazaar.bench;

import dev.bazaar.platform.Platform;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.process.ManagedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of each process of the platform (with its children: PostgreSQL's backends), of this JVM and of
 * the children it reaped (wrk), from {@code /proc}, between two snapshots: what limits a run on 2 cores.
 */
final class ProcessCpu {

    /** Linux's USER_HZ, the unit of {@code /proc/<pid>/stat}'s times: 100 on every architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100;
    static final String THIS_JVM = "bench JVM";
    static final String REAPED = "wrk (reaped children)";

    private final Platform platform;

    ProcessCpu(Platform platform) {
        this.platform = platform;
    }

    /** Ticks per process now: the platform's by component process name, this JVM's, its reaped children's, the box's. */
    Snapshot snapshot() {
        Map<String, Map<Long, Long>> ticks = new LinkedHashMap<>();
        for (Component component : platform.selected()) {
            for (ManagedProcess process : component.processes()) {
                process.running().ifPresent(handle -> ticks.put(process.component(), Stream.concat(Stream.of(handle),
                        handle.descendants()).collect(Collectors.toMap(ProcessHandle::pid, ProcessCpu::ownTicks,
                                Long::sum))));
            }
        }
        long self = ProcessHandle.current().pid();
        long[] selfTimes = times(self);
        ticks.put(THIS_JVM, Map.of(self, selfTimes[0] + selfTimes[1]));
        ticks.put(REAPED, Map.of(self, selfTimes[2] + selfTimes[3]));
        return new Snapshot(System.nanoTime(), ticks, boxTicks());
    }

    /** CPU between two snapshots. */
    record Snapshot(long nanos, Map<String, Map<Long, Long>> ticks, long[] box) {

        /** Per process, percent of one core between {@code this} and {@code later}, busiest first. */
        Map<String, Double> percentUntil(Snapshot later) {
            double seconds = (later.nanos - nanos) / 1e9;
            Map<String, Double> percent = new HashMap<>();
            later.ticks.forEach((name, pids) -> {
                Map<Long, Long> before = ticks.getOrDefault(name, Map.of());
                long used = pids.entrySet().stream()
                        .mapToLong(pid -> pid.getValue() - before.getOrDefault(pid.getKey(), 0L)).sum();
                percent.put(name, 100.0 * used / TICKS_PER_SECOND / seconds);
            });
            return percent.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        }

        /** The whole box's busy share between {@code this} and {@code later}, percent of all cores. */
        double boxBusyUntil(Snapshot later) {
            long total = later.box[0] - box[0];
            long idle = later.box[1] - box[1];
            return total == 0 ? Double.NaN : 100.0 * (total - idle) / total;
        }

        /**
         * One line: the box's busy share, the busiest processes in percent of one core and CPU milliseconds per
         * request of the {@code requests} served meanwhile (none: 0), and what processes not of this benchmark
         * took (another build on the machine), e.g. "box 97 %: events-api 80 % (0.7 ms), ...; others 10 %".
         */
        String describeUntil(Snapshot later, int processes, long requests) {
            double seconds = (later.nanos - nanos) / 1e9;
            Map<String, Double> percent = percentUntil(later);
            List<String> parts = new ArrayList<>();
            percent.entrySet().stream().limit(processes).forEach(entry -> parts.add(requests == 0
                    ? String.format(Locale.ROOT, "%s %.0f %%", entry.getKey(), entry.getValue())
                    : String.format(Locale.ROOT, "%s %.0f %% (%.2f ms)", entry.getKey(), entry.getValue(),
                            entry.getValue() * 10 * seconds / requests)));
            double cores = Runtime.getRuntime().availableProcessors();
            double ours = percent.values().stream().mapToDouble(Double::doubleValue).sum();
            double others = Math.max(0, boxBusyUntil(later) * cores - ours);
            return String.format(Locale.ROOT, "box %.0f %% busy of %.0f cores; of one core%s: %s; all ours %.0f %%, "
                    + "processes not of this benchmark %.0f %%", boxBusyUntil(later), cores,
                    requests == 0 ? "" : " (CPU ms per request)", String.join(", ", parts), ours, others);
        }
    }

    private static long ownTicks(ProcessHandle process) {
        long[] times = times(process.pid());
        return times[0] + times[1];
    }

    /** utime, stime, cutime, cstime of {@code pid}; zeros when it is gone. */
    private static long[] times(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the fields after the command name in parentheses, which may hold spaces: state is field 3
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                    Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }

    /** All and idle (idle + iowait) ticks of the box, from the first line of {@code /proc/stat}. */
    private static long[] boxTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                total += Long.parseLong(cpu[i]);
            }
            return new long[] {total, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }
}
