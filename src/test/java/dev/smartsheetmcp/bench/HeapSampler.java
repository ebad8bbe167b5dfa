package dev.smartsheetmcp.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Samples another JVM's used heap once a second with {@code jstat -gc} and keeps the peak. */
final class HeapSampler implements AutoCloseable {

    private final long pid;
    private final AtomicLong peakBytes = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    HeapSampler(long pid) {
        this.pid = pid;
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    long peakMegabytes() {
        return peakBytes.get() / (1024 * 1024);
    }

    private void sample() {
        String jstat = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
        try {
            Process process = new ProcessBuilder(jstat, "-gc", Long.toString(pid)).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                String[] header = out.readLine().trim().split("\\s+");
                String[] values = out.readLine().trim().split("\\s+");
                double usedKb = 0;
                for (int i = 0; i < header.length; i++) {
                    if (header[i].equals("S0U") || header[i].equals("S1U") || header[i].equals("EU") || header[i].equals("OU")) {
                        usedKb += Double.parseDouble(values[i]);
                    }
                }
                peakBytes.accumulateAndGet((long) (usedKb * 1024), Math::max);
            }
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the process ended: keep the peak seen
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
