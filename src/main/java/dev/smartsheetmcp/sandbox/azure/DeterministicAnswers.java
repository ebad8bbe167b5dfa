package dev.smartsheetmcp.sandbox.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The emulated model's answers: a pure function of the analysis kind, the analysed text (the last
 * user message) and whether JSON mode is on, so a test can compute by hand the exact value a cell
 * should receive.
 *
 * <h2>Common rules</h2>
 * <ul>
 *   <li><b>Words</b> are the pieces of the text split on runs of ASCII whitespace (space, tab,
 *       line breaks), after stripping leading and trailing whitespace. Empty text has 0 words.</li>
 *   <li><b>excerpt(text, n)</b>: the first {@code n} words joined by single spaces, followed by
 *       {@code "…"} (U+2026) when the text has more than {@code n} words. When the joined words are
 *       longer than 300 code points they are cut to 300 and {@code "…"} is appended (only one
 *       {@code "…"} in all). Text with no words gives {@code "(no text)"}.</li>
 *   <li><b>JSON mode</b> ({@code response_format {"type":"json_object"}}): the answer is a compact
 *       JSON object (no spaces, members in the order listed below); otherwise plain text.</li>
 *   <li><b>Long answers</b>: when the text contains {@value #LONG_ANSWER_MARKER}, the answer is
 *       exactly {@value #LONG_ANSWER_LENGTH} characters ({@code String.length()}). In plain text the
 *       normal answer is followed by a space and {@code "Lorem ipsum dolor sit amet. "} repeated,
 *       cut at {@value #LONG_ANSWER_LENGTH}; in JSON mode the normal object gets a last member
 *       {@code "detail"} whose value is {@code "x"} repeated so that the whole object has that length.
 *       Otherwise every answer stays far below 4,000 characters.</li>
 * </ul>
 *
 * <h2>By kind</h2>
 * <ul>
 *   <li>{@link AnalysisKind#SUMMARIZE}: {@code "Summary: " + excerpt(text, 12)};
 *       JSON {@code {"summary":excerpt(text, 12)}}.</li>
 *   <li>{@link AnalysisKind#SENTIMENT}: each word is lower-cased and stripped of leading and
 *       trailing characters that are not letters or digits, then looked up in
 *       {@link #POSITIVE_WORDS} and {@link #NEGATIVE_WORDS}; {@code p} and {@code n} count the hits.
 *       score = (p − n) / (p + n), rounded half-up to two decimals, and 0.00 when p + n = 0.
 *       Label: {@code Neutral} when p + n = 0; {@code Mixed} when p &gt; 0, n &gt; 0 and
 *       |score| &lt; 0.50; else {@code Positive} for a score above 0 and {@code Negative} below.
 *       Plain: {@code "Positive (score 0.67)"}; JSON {@code {"sentiment":"positive","score":0.67}}
 *       (label lower-cased; the score always has two decimals, as in {@code -1.00}).</li>
 *   <li>{@link AnalysisKind#INTERPRET}: the topic is the first row of {@link #TOPICS} with a keyword
 *       contained in the lower-cased text (plain substring match), else {@code "General"}.
 *       Plain: {@code "Interpretation: Billing (14 words)"} ({@code "1 word"} for one word);
 *       JSON {@code {"topic":"Billing","words":14}}.</li>
 *   <li>{@link AnalysisKind#CUSTOM}: {@code "Custom: " + excerpt(text, 8)};
 *       JSON {@code {"answer":excerpt(text, 8)}}.</li>
 *   <li>{@link AnalysisKind#PROMPT_OPTIMIZATION}: the text is the user's goal; the answer is
 *       {@code "You are a careful analyst of spreadsheet rows. Goal: \"" + excerpt(text, 30)
 *       + "\". Reply with the answer only, in at most 50 words."};
 *       JSON {@code {"prompt":<that sentence>}}.</li>
 * </ul>
 *
 * <p>Worked examples: SENTIMENT of {@code "Great service, fast delivery, but the app is slow. Thanks!"}
 * finds great, fast, thanks (p = 3) and slow (n = 1): score 0.50, {@code "Positive (score 0.50)"}.
 * SUMMARIZE of {@code "one two three"} is {@code "Summary: one two three"}.
 */
public final class DeterministicAnswers {

    /** In the analysed text: the answer is {@value #LONG_ANSWER_LENGTH} characters long. */
    public static final String LONG_ANSWER_MARKER = "[[LONG_ANSWER]]";
    /** In the analysed text: the emulator rejects the prompt with 400 {@code content_filter}. */
    public static final String FILTER_PROMPT_MARKER = "[[FILTER_PROMPT]]";
    /** In the analysed text: the emulator answers 200 with {@code finish_reason: "content_filter"} and no content. */
    public static final String FILTER_ANSWER_MARKER = "[[FILTER_ANSWER]]";
    public static final int LONG_ANSWER_LENGTH = 5_000;

    public static final Set<String> POSITIVE_WORDS = Set.of(
            "good", "great", "excellent", "happy", "love", "like",
            "pleased", "satisfied", "fast", "helpful", "amazing", "thanks");
    public static final Set<String> NEGATIVE_WORDS = Set.of(
            "bad", "poor", "terrible", "awful", "hate", "slow",
            "broken", "angry", "disappointed", "late", "problem", "fail");

    /** Keyword rows for INTERPRET, checked top to bottom. */
    public static final List<Topic> TOPICS = List.of(
            new Topic("Billing", List.of("invoice", "payment", "refund", "billing", "charge")),
            new Topic("Delivery", List.of("delivery", "shipping", "shipment", "package", "courier")),
            new Topic("Technical issue", List.of("bug", "error", "crash", "outage", "broken")),
            new Topic("Account access", List.of("login", "log in", "password", "account")),
            new Topic("Feature request", List.of("feature", "suggestion", "would be nice")));

    public record Topic(String label, List<String> keywords) {}

    private static final String ELLIPSIS = "…";
    private static final int MAX_EXCERPT_CODE_POINTS = 300;
    private static final String FILLER = "Lorem ipsum dolor sit amet. ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeterministicAnswers() {}

    /** The answer content for {@code userText} analysed as {@code kind}; see the class comment for the rules. */
    public static String answer(AnalysisKind kind, String userText, boolean jsonObject) {
        String text = userText == null ? "" : userText;
        Map<String, Object> object = new LinkedHashMap<>();
        String plain = switch (kind) {
            case SUMMARIZE -> {
                object.put("summary", excerpt(text, 12));
                yield "Summary: " + excerpt(text, 12);
            }
            case SENTIMENT -> sentiment(text, object);
            case INTERPRET -> interpretation(text, object);
            case CUSTOM -> {
                object.put("answer", excerpt(text, 8));
                yield "Custom: " + excerpt(text, 8);
            }
            case PROMPT_OPTIMIZATION -> {
                String prompt = "You are a careful analyst of spreadsheet rows. Goal: \"" + excerpt(text, 30)
                        + "\". Reply with the answer only, in at most 50 words.";
                object.put("prompt", prompt);
                yield prompt;
            }
        };
        boolean isLong = text.contains(LONG_ANSWER_MARKER);
        if (!jsonObject) {
            return isLong ? padded(plain) : plain;
        }
        return isLong ? paddedJson(object) : write(object);
    }

    /** The words of a text, as the rules define them. */
    private static List<String> words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split("\\s+"));
    }

    private static String excerpt(String text, int maxWords) {
        List<String> words = words(text);
        if (words.isEmpty()) return "(no text)";
        String joined = String.join(" ", words.subList(0, Math.min(maxWords, words.size())));
        boolean cut = words.size() > maxWords;
        if (joined.codePointCount(0, joined.length()) > MAX_EXCERPT_CODE_POINTS) {
            joined = joined.substring(0, joined.offsetByCodePoints(0, MAX_EXCERPT_CODE_POINTS));
            cut = true;
        }
        return cut ? joined + ELLIPSIS : joined;
    }

    private static String sentiment(String text, Map<String, Object> object) {
        int positive = 0;
        int negative = 0;
        for (String word : words(text)) {
            String normalized = stripNonAlphanumericEdges(word.toLowerCase(Locale.ROOT));
            if (POSITIVE_WORDS.contains(normalized)) positive++;
            if (NEGATIVE_WORDS.contains(normalized)) negative++;
        }
        int hits = positive + negative;
        BigDecimal score = hits == 0
                ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(positive - negative).divide(BigDecimal.valueOf(hits), 2, RoundingMode.HALF_UP);
        String label;
        if (hits == 0) label = "Neutral";
        else if (positive > 0 && negative > 0 && score.abs().compareTo(new BigDecimal("0.50")) < 0) label = "Mixed";
        else label = score.signum() > 0 ? "Positive" : "Negative";
        object.put("sentiment", label.toLowerCase(Locale.ROOT));
        object.put("score", score);
        return label + " (score " + score.toPlainString() + ")";
    }

    private static String stripNonAlphanumericEdges(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && !Character.isLetterOrDigit(word.charAt(start))) start++;
        while (end > start && !Character.isLetterOrDigit(word.charAt(end - 1))) end--;
        return word.substring(start, end);
    }

    private static String interpretation(String text, Map<String, Object> object) {
        String lower = text.toLowerCase(Locale.ROOT);
        String topic = TOPICS.stream()
                .filter(row -> row.keywords().stream().anyMatch(lower::contains))
                .map(Topic::label)
                .findFirst()
                .orElse("General");
        int count = words(text).size();
        object.put("topic", topic);
        object.put("words", count);
        return "Interpretation: " + topic + " (" + count + (count == 1 ? " word)" : " words)");
    }

    private static String padded(String answer) {
        StringBuilder out = new StringBuilder(LONG_ANSWER_LENGTH + FILLER.length()).append(answer).append(' ');
        while (out.length() < LONG_ANSWER_LENGTH) out.append(FILLER);
        out.setLength(LONG_ANSWER_LENGTH);
        return out.toString();
    }

    private static String paddedJson(Map<String, Object> object) {
        object.put("detail", "");
        int missing = LONG_ANSWER_LENGTH - write(object).length();
        object.put("detail", "x".repeat(missing));
        return write(object);
    }

    private static String write(Map<String, Object> object) {
        try {
            return JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
    }
}
