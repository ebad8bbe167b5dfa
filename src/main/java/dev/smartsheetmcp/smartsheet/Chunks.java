package dev.smartsheetmcp.smartsheet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Cuts a list into consecutive chunks for the bulk operations' split. Camel 4.18's
 * {@code ${collate(n)}} cannot be used there: a route evaluates one expression instance
 * again and again, and from the second exchange on it regroups its previous result instead
 * of the new body (the second write of a process would send the first write's rows).
 */
public final class Chunks {

    private Chunks() {
    }

    public static <T> List<List<T>> of(Collection<T> items, int size) {
        if (size < 1) throw new IllegalArgumentException("chunk size must be positive, got " + size);
        List<T> all = List.copyOf(items);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        return chunks;
    }
}
