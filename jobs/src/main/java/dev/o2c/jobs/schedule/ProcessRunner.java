package dev.o2c.jobs.schedule;

import dev.o2c.jobs.O2cApplication;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts each scheduled run as a process of its own: the same Java, options and class path as the
 * schedule's, its output and errors into the schedule's. A run that runs out of memory or is killed
 * takes nothing of the schedule with it, and its exit code is the command's (CONTRACTS.md section 1).
 */
final class ProcessRunner implements Scheduler.Runner {

    private final List<String> storeArguments;

    /** @param storeArguments {@code --db} and {@code --config}, as the schedule was given them */
    ProcessRunner(List<String> storeArguments) {
        this.storeArguments = List.copyOf(storeArguments);
    }

    /**
     * How this process was started: {@code -jar o2c.jar} (scripts/o2c: the jar's own loader finds the classes)
     * or a class path and the main class (tests, an IDE).
     */
    static List<String> launcher() {
        String started = System.getProperty("sun.java.command", "");
        String first = started.isBlank() ? "" : started.trim().split("\\s+")[0];
        if (first.endsWith(".jar")) {
            return List.of("-jar", first);
        }
        return List.of("-cp", System.getProperty("java.class.path"), O2cApplication.class.getName());
    }

    @Override
    public int run(Fire fire) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent")).toList());
        command.addAll(launcher());
        command.addAll(List.of(fire.arguments()));
        command.addAll(storeArguments);
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            System.err.println("o2c schedule: cannot start the " + fire.kind().jobName() + " run: " + e.getMessage());
            return Scheduler.FAILED;
        }
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            // the schedule is stopping: the run is asked to stop too (SIGTERM); the same command finishes it later
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            throw e;
        }
    }
}
