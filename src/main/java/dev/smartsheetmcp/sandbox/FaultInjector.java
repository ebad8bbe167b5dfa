package dev.smartsheetmcp.sandbox;

import java.time.Duration;
import java.util.Random;

/**
 * Latency and seeded fault injection shared by the emulators. Every request draws one
 * {@link Fault} from a seeded random source, so a run with the same seed and the same
 * request order meets the same faults. Settings may change while the emulator serves.
 */
public final class FaultInjector {

    /** What an emulator does to one request instead of (or before) answering it normally. */
    public enum Fault { NONE, RATE_LIMIT, SERVER_ERROR, SLOW, MALFORMED, DROP }

    private final Random random;
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration slowDelay = Duration.ofSeconds(90);
    private volatile double rateLimitRate;
    private volatile double serverErrorRate;
    private volatile double slowRate;
    private volatile double malformedRate;
    private volatile double dropRate;

    public FaultInjector(long seed) {
        this.random = new Random(seed);
    }

    public synchronized Fault draw() {
        double roll = random.nextDouble();
        double edge = rateLimitRate;
        if (roll < edge) return Fault.RATE_LIMIT;
        edge += serverErrorRate;
        if (roll < edge) return Fault.SERVER_ERROR;
        edge += slowRate;
        if (roll < edge) return Fault.SLOW;
        edge += malformedRate;
        if (roll < edge) return Fault.MALFORMED;
        edge += dropRate;
        if (roll < edge) return Fault.DROP;
        return Fault.NONE;
    }

    /** A uniform draw in [0, 1) from the same seeded source, for choices such as 500 versus 503. */
    public synchronized double nextDouble() {
        return random.nextDouble();
    }

    public Duration latency() { return latency; }
    public Duration slowDelay() { return slowDelay; }

    public FaultInjector latency(Duration value) { latency = value; return this; }
    public FaultInjector slowDelay(Duration value) { slowDelay = value; return this; }
    public FaultInjector rateLimitRate(double value) { rateLimitRate = checkRate(value); return this; }
    public FaultInjector serverErrorRate(double value) { serverErrorRate = checkRate(value); return this; }
    public FaultInjector slowRate(double value) { slowRate = checkRate(value); return this; }
    public FaultInjector malformedRate(double value) { malformedRate = checkRate(value); return this; }
    public FaultInjector dropRate(double value) { dropRate = checkRate(value); return this; }

    /** Turns every fault off (latency stays). */
    public FaultInjector clearFaults() {
        rateLimitRate = serverErrorRate = slowRate = malformedRate = dropRate = 0;
        return this;
    }

    private static double checkRate(double value) {
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException("a fault rate must lie in [0, 1], got " + value);
        }
        return value;
    }
}
