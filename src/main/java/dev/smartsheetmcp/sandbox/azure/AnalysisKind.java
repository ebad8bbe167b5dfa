package dev.smartsheetmcp.sandbox.azure;

import java.util.Locale;

/**
 * What the emulated model is asked to do, read from the system message the way a reader would:
 * by a few tell-tale words. {@link #detect} checks, in this order and case-insensitively:
 * <ol>
 *   <li>contains both {@code "optimi"} and {@code "prompt"}: {@link #PROMPT_OPTIMIZATION}
 *       (first, because a prompt-optimisation brief often mentions the analysis it optimises for);</li>
 *   <li>contains {@code "summar"}: {@link #SUMMARIZE};</li>
 *   <li>contains {@code "sentiment"}: {@link #SENTIMENT};</li>
 *   <li>contains {@code "interpret"}: {@link #INTERPRET};</li>
 *   <li>anything else, or no system message: {@link #CUSTOM}.</li>
 * </ol>
 */
public enum AnalysisKind {
    SUMMARIZE, SENTIMENT, INTERPRET, CUSTOM, PROMPT_OPTIMIZATION;

    /** The kind a system message asks for; {@code null} counts as no instruction, so {@link #CUSTOM}. */
    public static AnalysisKind detect(String systemMessage) {
        String text = systemMessage == null ? "" : systemMessage.toLowerCase(Locale.ROOT);
        if (text.contains("optimi") && text.contains("prompt")) return PROMPT_OPTIMIZATION;
        if (text.contains("summar")) return SUMMARIZE;
        if (text.contains("sentiment")) return SENTIMENT;
        if (text.contains("interpret")) return INTERPRET;
        return CUSTOM;
    }
}
