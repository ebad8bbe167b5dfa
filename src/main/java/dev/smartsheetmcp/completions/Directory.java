package dev.smartsheetmcp.completions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Sheets or workspaces by id and name, as listed at one moment; matched by name (or id) prefix. */
record Directory(List<Entry> entries, long listedAtNanos) {

    record Entry(String id, String name) {
    }

    boolean olderThan(long maxAgeNanos, long nowNanos) {
        return nowNanos - listedAtNanos > maxAgeNanos;
    }

    /** Ids whose name, or a word of it, starts with {@code prefix} (any case), or whose id does; whole-name matches first. */
    List<String> matching(String prefix) {
        String wanted = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
        List<Entry> starts = new ArrayList<>();
        List<Entry> words = new ArrayList<>();
        for (Entry entry : entries) {
            String name = entry.name().toLowerCase(Locale.ROOT);
            if (name.startsWith(wanted) || entry.id().startsWith(wanted)) starts.add(entry);
            else if (name.contains(" " + wanted)) words.add(entry);
        }
        starts.sort(Comparator.comparing(Entry::name, String.CASE_INSENSITIVE_ORDER));
        words.sort(Comparator.comparing(Entry::name, String.CASE_INSENSITIVE_ORDER));
        starts.addAll(words);
        return starts.stream().map(Entry::id).toList();
    }
}
