package dev.o2c.jobs.close;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap in use while a benchmark runs: {@link #start()} samples every 50 ms without
 * forcing a collection (so it counts garbage not yet collected); {@link #live()} collects
 * first, once a second, so it sees the live heap. Start it, run, close it, read it.
 */
final class HeapSampler implements AutoCloseable {

    private final AtomicLong max = new AtomicLong();
    private final Thread thread;

    private HeapSampler(long periodMillis, boolean collectFirst) {
        thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (collectFirst) {
                    System.gc();
                }
                max.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    static HeapSampler start() {
        return new HeapSampler(50, false);
    }

    /** The live heap: a full collection before each sample, once a second (it slows what it measures a little). */
    static HeapSampler live() {
        return new HeapSampler(1000, true);
    }

    /** The most seen so far, in MB. */
    double maxMegabytes() {
        return max.get() / 1048576.0;
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
