package dev.smartsheetmcp.analysis.prompts;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * Makes a model's answer fit a cell: strips surrounding whitespace and, above the limit (Smartsheet
 * allows 4,000 characters in a cell), cuts it and ends it with {@code "…"} so the result is exactly
 * within the limit. The cut falls at the last sentence boundary before the limit, else the last
 * word boundary, when that keeps at least half of the room; otherwise at the limit itself, never
 * inside a surrogate pair. Nothing else is changed: a sentiment answer keeps the model's words.
 *
 * <p>Lengths are UTF-16 chars ({@link String#length()}), which is never less than the code-point count.
 */
public final class AnswerTrimmer {

    public static final int SMARTSHEET_CELL_LIMIT = 4000;
    static final String ELLIPSIS = "…";

    private final int maxLength;

    public AnswerTrimmer(int maxLength) {
        if (maxLength < 2) throw new IllegalArgumentException("maxLength must be at least 2, was " + maxLength);
        this.maxLength = maxLength;
    }

    public AnswerTrimmer() {
        this(SMARTSHEET_CELL_LIMIT);
    }

    /** A {@code null} answer (no content) is treated as empty. */
    public TrimmedAnswer trim(String answer) {
        String text = answer == null ? "" : answer.strip();
        int originalLength = answer == null ? 0 : answer.length();
        if (text.length() <= maxLength) return new TrimmedAnswer(text, false, originalLength);
        int room = maxLength - ELLIPSIS.length();
        int cut = room;
        if (Character.isLowSurrogate(text.charAt(cut)) && Character.isHighSurrogate(text.charAt(cut - 1))) cut--;
        int end = lastBoundary(text, cut, BreakIterator.getSentenceInstance(Locale.ROOT), room / 2);
        if (end < 0) end = lastBoundary(text, cut, BreakIterator.getWordInstance(Locale.ROOT), room / 2);
        if (end < 0) end = cut;
        return new TrimmedAnswer(text.substring(0, end).stripTrailing() + ELLIPSIS, true, originalLength);
    }

    /** The last boundary at or before {@code cut} that keeps at least {@code minimum} non-blank chars, or -1. */
    private static int lastBoundary(String text, int cut, BreakIterator boundaries, int minimum) {
        boundaries.setText(text);
        int boundary = boundaries.isBoundary(cut) ? cut : boundaries.preceding(cut);
        if (boundary == BreakIterator.DONE) return -1;
        return text.substring(0, boundary).stripTrailing().length() >= minimum ? boundary : -1;
    }
}
