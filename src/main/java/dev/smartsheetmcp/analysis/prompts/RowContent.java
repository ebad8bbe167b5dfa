package dev.smartsheetmcp.analysis.prompts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The text a row contributes to an analysis, built from its source cells in the order of
 * {@code sourceColumns}. With one source column it is the cell's value; with several, one
 * {@code "Title: value"} line per column, so the model can tell the fields apart (the format
 * depends on how many columns were asked for, not on how many are filled, so it is stable).
 * Null and blank cells are left out and values are stripped of surrounding whitespace. When every
 * source cell is empty the text is empty and the row is skipped, not analysed.
 */
public record RowContent(String text) {

    public RowContent {
        Objects.requireNonNull(text, "text");
    }

    /**
     * @param sourceColumns column titles, in the order the user gave them
     * @param cellsByTitle  the row's values by column title; absent titles count as empty cells
     */
    public static RowContent of(List<String> sourceColumns, Map<String, ?> cellsByTitle) {
        if (sourceColumns.isEmpty()) throw new IllegalArgumentException("At least one source column is required");
        boolean labelled = sourceColumns.size() > 1;
        StringBuilder text = new StringBuilder();
        for (String title : sourceColumns) {
            Object cell = cellsByTitle.get(title);
            String value = cell == null ? "" : cell.toString().strip();
            if (value.isEmpty()) continue;
            if (!text.isEmpty()) text.append('\n');
            if (labelled) text.append(title).append(": ");
            text.append(value);
        }
        return new RowContent(text.toString());
    }

    /** True when every source cell was empty: such rows are skipped. */
    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** SHA-256 of the text (UTF-8), lower-case hex: equal texts give equal hashes across runs and JVMs. */
    public String hash() {
        return sha256(text);
    }

    /**
     * SHA-256 (hex) of what decides the answer apart from the row: the type, the source columns in
     * order, the target column and, for {@code custom} only, the goal (stripped; other types ignore it).
     * Each field is length-prefixed, so no choice of titles makes two different specs collide by
     * concatenation. The leading {@code v1} changes if the prompts or the encoding ever change meaning.
     */
    public static String specHash(AnalysisType type, List<String> sourceColumns, String targetColumn, String customGoal) {
        StringBuilder spec = new StringBuilder("v1");
        field(spec, type.wireName());
        field(spec, Integer.toString(sourceColumns.size()));
        sourceColumns.forEach(title -> field(spec, title));
        field(spec, targetColumn);
        field(spec, type == AnalysisType.CUSTOM && customGoal != null ? customGoal.strip() : "");
        return sha256(spec.toString());
    }

    private static void field(StringBuilder spec, String value) {
        spec.append('|').append(value.length()).append(':').append(value);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
