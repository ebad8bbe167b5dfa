package dev.smartsheetmcp.sheets.reading;

import dev.smartsheetmcp.toolkit.AnswerBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rows of one answer: whole rows, in order, while they fit the {@link AnswerBudget} and the
 * {@code page_size}; the first row that does not fit closes the answer, and the rows decided on
 * before it make the cursor's {@link ResumeAnchors}.
 */
public final class AnswerRows {

    private final AnswerBudget budget;
    private final int maxRows;
    private final ResumeAnchors anchors;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private boolean full;

    public AnswerRows(AnswerBudget budget, int maxRows, ResumeAnchors anchors) {
        this.budget = budget;
        this.maxRows = maxRows;
        this.anchors = anchors;
    }

    /** Offers a row that belongs in the answer; false (and the answer is closed) when it does not fit. */
    public boolean offer(String rowId, Supplier<Map<String, Object>> view) {
        if (full) return false;
        if (rows.size() >= maxRows) {
            full = true;
            return false;
        }
        Map<String, Object> rendered = view.get();
        if (!budget.tryTake(rendered)) {
            full = true;
            return false;
        }
        rows.add(rendered);
        anchors.decided(rowId);
        return true;
    }

    /** A row the filter passed over: the cursor may resume after it too. */
    public void passed(String rowId) {
        if (!full) anchors.decided(rowId);
    }

    /** Whether a row was left out for want of room: the answer needs a cursor. */
    public boolean full() {
        return full;
    }

    public List<Map<String, Object>> rows() {
        return rows;
    }

    public ResumeAnchors anchors() {
        return anchors;
    }
}
