package dev.smartsheetmcp.smartsheet;

import java.util.ArrayList;
import java.util.List;

/** Splits a list into consecutive chunks of at most {@code size} items, for requests with a size limit. */
public final class Chunks {

    public List<List<?>> of(List<?> items, int size) {
        List<List<?>> chunks = new ArrayList<>();
        for (int start = 0; start < items.size(); start += size) {
            chunks.add(List.copyOf(items.subList(start, Math.min(start + size, items.size()))));
        }
        return chunks;
    }
}
