package dev.o2c.domain.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/** One named helper thread for work done beside the caller's; a daemon, so a forgotten one never keeps a run alive. */
public final class HelperThread {

    private HelperThread() {
    }

    /** A single daemon thread called {@code name}; the caller shuts it down when its work is taken. */
    public static ExecutorService named(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code work} started now on its own daemon thread called {@code name}; the thread ends with the work. */
    public static <T> Future<T> start(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return task;
    }
}
