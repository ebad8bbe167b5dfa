package dev.smartsheetmcp.analysis.prompts;

import com.knuddels.jtokkit.Encodings;
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
 * message, as the service reports them in {@code usage.prompt_tokens}. The Azure client charges
 * a request's estimate with it, and prompts are chunked by it.
 */
public final class TokenCounter {

    public static final String DEFAULT_ENCODING = "o200k_base";
    public static final int TOKENS_PER_MESSAGE = 3;
    public static final int REPLY_PRIMING_TOKENS = 3;

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    /** Loaded from the registry on the first count: the vocabulary takes a second to load, and many sessions never count. */
    private final EncodingType type;

    public TokenCounter(String encodingName) {
        String name = encodingName == null ? "" : encodingName.strip().toLowerCase(Locale.ROOT);
        EncodingType type = switch (name) {
            case "o200k_base" -> EncodingType.O200K_BASE;
            case "cl100k_base" -> EncodingType.CL100K_BASE;
            default -> throw new IllegalArgumentException(
                    "Unknown token encoding '" + encodingName + "'; allowed values: o200k_base, cl100k_base");
        };
        this.type = type;
    }

    public TokenCounter() {
        this(DEFAULT_ENCODING);
    }

    public String encodingName() {
        return type.getName();
    }

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : REGISTRY.getEncoding(type).countTokensOrdinary(text);
    }

    /** Prompt tokens of a request, chat framing included. */
    public int count(PromptRequest request) {
        return message("system", request.systemPrompt()) + message("user", request.userPrompt()) + REPLY_PRIMING_TOKENS;
    }

    /** One chat message's tokens: its content and role, and the framing around them. */
    public int message(String role, String content) {
        return TOKENS_PER_MESSAGE + count(role) + count(content);
    }
}
