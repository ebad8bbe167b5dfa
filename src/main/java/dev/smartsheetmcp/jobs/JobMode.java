package dev.smartsheetmcp.jobs;

import java.util.Locale;

/**
 * How a job's rows reach the model: {@code ONLINE}, one chat completion a row paced to the
 * deployment's RPM/TPM quota, answers within seconds; {@code BATCH}, request files through the
 * Azure OpenAI Batch API on the Global-Batch deployment, answers within 24 hours at about half the
 * price, against a separate quota.
 */
public enum JobMode {
    ONLINE, BATCH;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobMode fromWire(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode must be 'online' or 'batch', not '" + value + "'", e);
        }
    }
}
