package dev.smartsheetmcp.sandbox.azure;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens as the GPT-4o family does ({@code o200k_base}). Special-token markers such as
 * {@code <|endoftext|>} in user text are counted as ordinary text, never rejected. The emulator's
 * own counter, apart from the application's: it stands for the service.
 */
final class TokenCounter {

    private static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private TokenCounter() {}

    static int count(String text) {
        return text == null || text.isEmpty() ? 0 : O200K.countTokensOrdinary(text);
    }
}
