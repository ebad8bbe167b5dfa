package dev.smartsheetmcp.toolkit;

/** Cuts long text for an answer, at a character boundary and with a marker that says how much is missing. */
public final class TextCut {

    private TextCut() {
    }

    /**
     * {@code text} unchanged when it has at most {@code maxChars} characters (code points);
     * otherwise its first {@code maxChars} characters followed by {@code … [cut: N more characters]}.
     * A surrogate pair (an emoji, say) is never split.
     */
    public static String cut(String text, int maxChars) {
        if (text == null) return null;
        int length = text.codePointCount(0, text.length());
        if (length <= maxChars) return text;
        int end = text.offsetByCodePoints(0, maxChars);
        return text.substring(0, end) + "… [cut: " + (length - maxChars) + " more characters]";
    }
}
