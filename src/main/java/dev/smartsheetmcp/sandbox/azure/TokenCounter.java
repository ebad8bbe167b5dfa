package dev.smartsheetmcp.sandbox.azure;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;

/**
 * Counts tokens as the GPT-4o family does ({@code o200k_base}). Special-token markers such as
 * {@code <|endoftext|>} in user text are counted as ordinary text, never rejected. The real service
 * adds a few tokens of chat framing per message; the emulator counts message contents only, so
 * its usage figures equal a plain jtokkit count of the same strings.
 */
final class TokenCounter {

    private static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private TokenCounter() {}

    static int count(String text) {
        return text == null || text.isEmpty() ? 0 : O200K.countTokensOrdinary(text);
    }

    static int count(List<String> texts) {
        return texts.stream().mapToInt(TokenCounter::count).sum();
    }
}
