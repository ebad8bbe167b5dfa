package dev.smartsheetmcp.resources;

import java.util.ArrayList;
import java.util.List;

/**
 * Items of a resource's list, counted all but kept only up to a cap no answer could exceed
 * (an item takes at least a few dozen characters), so memory stays bounded on a large sheet.
 */
final class ItemList {

    private final int cap;
    private final List<Object> kept = new ArrayList<>();
    private long total;

    ItemList(int maxChars) {
        this.cap = Math.max(maxChars / 30, 10);
    }

    void add(Object item) {
        total++;
        if (kept.size() < cap) kept.add(item);
    }

    List<Object> kept() {
        return kept;
    }

    long total() {
        return total;
    }
}
