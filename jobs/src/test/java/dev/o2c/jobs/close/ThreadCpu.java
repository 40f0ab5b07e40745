package dev.o2c.jobs.close;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this JVM's threads by kind, from Linux's /proc (the JIT compilers and the
 * collector are not Java threads, so the management beans cannot see them): what a
 * benchmark's wall-clock time was spent on besides our own code. Empty where /proc is not.
 */
final class ThreadCpu {

    private ThreadCpu() {
    }

    /** Seconds of CPU per kind of thread ("C2 CompilerThre", "GC Thread", ...), numbers dropped. */
    static Map<String, Double> byKind() {
        Map<String, Double> out = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path t : threads) {
                try {
                    String kind = Files.readString(t.resolve("comm")).trim().replaceAll("[#0-9]+$", "");
                    String stat = Files.readString(t.resolve("stat"));
                    // fields after the command's closing parenthesis: utime and stime are the 12th and 13th
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                    out.merge(kind, seconds, Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // a thread that ended while we read: its time is no longer counted anywhere
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** The JIT compilers' seconds among {@code byKind}. */
    static double compilers(Map<String, Double> byKind) {
        return byKind.entrySet().stream().filter(e -> e.getKey().contains("Compiler")).mapToDouble(Map.Entry::getValue).sum();
    }

    /** The garbage collector's seconds among {@code byKind}. */
    static double collector(Map<String, Double> byKind) {
        return byKind.entrySet().stream().filter(e -> e.getKey().startsWith("GC ") || e.getKey().startsWith("G1 "))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /**
     * Waits until the JIT compilers have used under 10 ms of CPU in 200 ms (at most 30 s):
     * making a benchmark's data queues compilations of its own that would otherwise run in
     * the timed window, on the cores the measured step needs. Returns the seconds waited.
     */
    static double awaitCompilersIdle() throws InterruptedException {
        long start = System.nanoTime();
        double before = compilers(byKind());
        while (System.nanoTime() - start < 30_000_000_000L) {
            Thread.sleep(200);
            double now = compilers(byKind());
            if (now - before < 0.01) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** What each kind spent between two readings. */
    static Map<String, Double> since(Map<String, Double> before) {
        Map<String, Double> out = new TreeMap<>();
        byKind().forEach((k, v) -> out.put(k, v - before.getOrDefault(k, 0.0)));
        return out;
    }

    /** Seconds of CPU of the whole process so far, threads that have ended included (from /proc/self/stat; 0 without it). */
    static double process() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
