package dev.smartsheetmcp.analysis.prompts;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Locale;

/**
 * Counts tokens with jtokkit: {@code o200k_base} (GPT-4o family, the default) or {@code cl100k_base}
 * (GPT-4 / GPT-3.5). Special-token markers such as {@code <|endoftext|>} in row text count as
 * ordinary text.
 *
 * <p>{@link #count(PromptRequest)} estimates the prompt tokens the service charges: the contents
 * plus the chat framing OpenAI documents for these models (the "num_tokens_from_messages" recipe):
 * {@value #TOKENS_PER_MESSAGE} tokens per message plus the tokens of its role name, and
 * {@value #REPLY_PRIMING_TOKENS} tokens priming the reply — 11 in all for a system and a user
 * message. {@link #countContents} counts the contents only, as the sandbox emulator reports usage.
 */
public final class TokenCounter {

    public static final String DEFAULT_ENCODING = "o200k_base";
    public static final int TOKENS_PER_MESSAGE = 3;
    public static final int REPLY_PRIMING_TOKENS = 3;

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private final Encoding encoding;
    private final int framingTokens;

    public TokenCounter(String encodingName) {
        String name = encodingName == null ? "" : encodingName.strip().toLowerCase(Locale.ROOT);
        EncodingType type = switch (name) {
            case "o200k_base" -> EncodingType.O200K_BASE;
            case "cl100k_base" -> EncodingType.CL100K_BASE;
            default -> throw new IllegalArgumentException(
                    "Unknown token encoding '" + encodingName + "'; allowed values: o200k_base, cl100k_base");
        };
        this.encoding = REGISTRY.getEncoding(type);
        this.framingTokens = 2 * TOKENS_PER_MESSAGE + count("system") + count("user") + REPLY_PRIMING_TOKENS;
    }

    public TokenCounter() {
        this(DEFAULT_ENCODING);
    }

    public String encodingName() {
        return encoding.getName();
    }

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    /** Prompt tokens of a request, chat framing included. */
    public int count(PromptRequest request) {
        return countContents(request) + framingTokens;
    }

    /** Tokens of the system and user message contents only. */
    public int countContents(PromptRequest request) {
        return count(request.systemPrompt()) + count(request.userPrompt());
    }
}
