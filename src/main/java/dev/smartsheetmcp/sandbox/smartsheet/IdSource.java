package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Seeded, unique 16-digit ids, every one above 2^53, so a client that reads ids into a
 * double loses digits and then meets "Not Found" instead of silently working.
 */
final class IdSource {

    static final long MIN = (1L << 53) + 1;
    static final long MAX = 9_999_999_999_999_999L;

    private final Random random;
    private final Set<Long> issued = new HashSet<>();

    IdSource(long seed) {
        this.random = new Random(seed);
    }

    synchronized long next() {
        while (true) {
            long id = MIN + Math.floorMod(random.nextLong(), MAX - MIN + 1);
            if (issued.add(id)) return id;
        }
    }
}
