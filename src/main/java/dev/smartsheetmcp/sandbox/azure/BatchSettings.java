package dev.smartsheetmcp.sandbox.azure;

/**
 * How the emulated Batch API behaves, on its compressed clock: {@code timeScale} emulated seconds
 * pass in each real second; a batch validates for {@code validatingSeconds}, then answers
 * {@code requestsPerMinute} lines a minute, finalizes for {@code finalizingSeconds}, and expires
 * when {@code windowSeconds} (24 hours for {@code completion_window "24h"}) pass before it is done.
 * The file limits are the service's documented ones unless a test lowers them.
 */
public record BatchSettings(double timeScale, long validatingSeconds, long requestsPerMinute, long finalizingSeconds,
                            long windowSeconds, int maxRequestsPerFile, long maxBytesPerFile, int maxFiles) {

    /** The documented limits: 100,000 requests and 200 MB per file, 500 batch files per resource. */
    public static final int MAX_REQUESTS_PER_FILE = 100_000;
    public static final long MAX_BYTES_PER_FILE = 200L * 1024 * 1024;
    public static final int MAX_FILES = 500;

    /** Real time (1 s a second), a few minutes of validation and finalization, a 24-hour window. */
    public static BatchSettings realistic() {
        return new BatchSettings(1, 120, 10_000, 60, 24 * 3600, MAX_REQUESTS_PER_FILE, MAX_BYTES_PER_FILE, MAX_FILES);
    }

    public BatchSettings withTimeScale(double scale) {
        return new BatchSettings(scale, validatingSeconds, requestsPerMinute, finalizingSeconds, windowSeconds,
                maxRequestsPerFile, maxBytesPerFile, maxFiles);
    }

    public BatchSettings withRequestsPerMinute(long rate) {
        return new BatchSettings(timeScale, validatingSeconds, rate, finalizingSeconds, windowSeconds,
                maxRequestsPerFile, maxBytesPerFile, maxFiles);
    }

    public BatchSettings withMaxRequestsPerFile(int max) {
        return new BatchSettings(timeScale, validatingSeconds, requestsPerMinute, finalizingSeconds, windowSeconds,
                max, maxBytesPerFile, maxFiles);
    }
}
