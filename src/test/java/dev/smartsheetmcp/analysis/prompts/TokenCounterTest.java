package dev.smartsheetmcp.analysis.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenCounterTest {

    private final TokenCounter o200k = new TokenCounter();

    @Test
    void defaultsToO200kBase() {
        assertThat(o200k.encodingName()).isEqualTo("o200k_base");
        assertThat(new TokenCounter("CL100K_BASE").encodingName()).isEqualTo("cl100k_base");
    }

    @Test
    void unknownEncodingIsRefusedListingTheAllowedOnes() {
        assertThatThrownBy(() -> new TokenCounter("p50k_base"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("o200k_base, cl100k_base");
    }

    @Test
    void countsTextAndNothingForEmptyText() {
        assertThat(o200k.count("hello world")).isEqualTo(2);
        assertThat(o200k.count("")).isZero();
        assertThat(o200k.count((String) null)).isZero();
    }

    @Test
    void specialTokenMarkersCountAsOrdinaryText() {
        assertThat(o200k.count("<|endoftext|>")).isGreaterThan(1);
    }

    @Test
    void requestCountAddsChatFramingToTheContents() {
        PromptRequest request = new PromptRequest("You are terse.", "hello world", 10, false);
        int contents = o200k.count("You are terse.") + o200k.count("hello world");
        assertThat(o200k.count("hello world")).isEqualTo(2);
        // 3 per message + 1 for each role name ("system", "user") + 3 priming the reply
        assertThat(o200k.count(request)).isEqualTo(contents + 11);
        assertThat(o200k.message("user", "hello world")).isEqualTo(2 + 3 + 1);
    }
}
