package dev.smartsheetmcp.analysis;

import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.analysis.prompts.PromptTemplate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 fingerprints (lower-case hex) that let a later run recognise work already done: of a
 * row's text as sent to the model, and of an analysis spec. Equal inputs give equal hashes across
 * runs and JVMs, so they are stored with each written answer and key the answer cache.
 */
public final class AnalysisHashes {

    private AnalysisHashes() {
    }

    /** The hash of a row's text (its {@code RowContent} text, UTF-8). */
    public static String content(String text) {
        return sha256(text);
    }

    /**
     * The hash of what decides an answer apart from the row's text: the type, the source column ids
     * in order, and for built-in types the prompt template; for {@code custom}, the goal (stripped)
     * instead of the prompts, since the optimisation call may word them differently each time.
     * Fields are length-prefixed, so no two different specs collide by concatenation; the leading
     * {@code v1} changes if the encoding ever changes meaning. The target column is left out: the
     * same analysis of the same text is the same answer, whichever column it goes to.
     */
    public static String spec(AnalysisType type, String customGoal, List<Long> sourceColumnIds, PromptTemplate template) {
        StringBuilder spec = new StringBuilder("v1");
        field(spec, type.wireName());
        if (type == AnalysisType.CUSTOM) {
            field(spec, customGoal == null ? "" : customGoal.strip());
        } else {
            field(spec, template.systemPrompt());
            field(spec, template.initialPrompt());
            field(spec, template.continuationPrompt());
            field(spec, Integer.toString(template.maxTokens()));
        }
        field(spec, Integer.toString(sourceColumnIds.size()));
        sourceColumnIds.forEach(id -> field(spec, Long.toString(id)));
        return sha256(spec.toString());
    }

    private static void field(StringBuilder spec, String value) {
        spec.append('|').append(value.length()).append(':').append(value);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
