package dev.smartsheetmcp.sheets.reading;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a paged read stopped, as the ids of the last rows it decided on (returned, or passed over
 * by the filter), in sheet order. Row ids survive rows being added and deleted around them,
 * where a row number or a page number would shift: the next call resumes after the earliest of
 * these rows that still exists and skips the others, so a row that stays is never returned twice
 * and never skipped. Several ids are kept so that deleting the very row a cursor stopped at does
 * not lose the place; only when all of them are deleted is the cursor stale. A row moved from one
 * side of the cursor to the other (a sort, a move) may be missed or returned twice.
 */
public final class ResumeAnchors {

    /** Rows remembered; a cursor carries this many ids at most. */
    static final int KEPT = 8;

    private final Set<String> given;
    private final Deque<String> recent = new ArrayDeque<>();

    /** @param given the ids a cursor carried (empty on a first call), oldest first */
    public ResumeAnchors(List<String> given) {
        this.given = new LinkedHashSet<>(given);
        given.forEach(this::decided);
    }

    /** Whether the cursor named this row: it was decided on by an earlier call. */
    public boolean given(String rowId) {
        return given.contains(rowId);
    }

    public boolean resuming() {
        return !given.isEmpty();
    }

    public Set<String> givenIds() {
        return given;
    }

    /** Notes a row this call decided on (in sheet order). */
    public void decided(String rowId) {
        if (recent.contains(rowId)) return;
        recent.addLast(rowId);
        if (recent.size() > KEPT) recent.removeFirst();
    }

    /** The ids for the next cursor, oldest first. */
    public List<String> forCursor() {
        return List.copyOf(recent);
    }
}
