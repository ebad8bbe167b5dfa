package dev.smartsheetmcp.sandbox.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The documented answer rules, checked against answers computed by hand. */
class DeterministicAnswersTest {

    @Nested
    class KindDetection {

        @Test
        void detectsEachKindFromTellTaleWordsInTheSystemMessage() {
            assertThat(AnalysisKind.detect("Please SUMMARISE this")).isEqualTo(AnalysisKind.SUMMARIZE);
            assertThat(AnalysisKind.detect("Give the sentiment")).isEqualTo(AnalysisKind.SENTIMENT);
            assertThat(AnalysisKind.detect("Interpret the note")).isEqualTo(AnalysisKind.INTERPRET);
            assertThat(AnalysisKind.detect("Translate to French")).isEqualTo(AnalysisKind.CUSTOM);
            assertThat(AnalysisKind.detect(null)).isEqualTo(AnalysisKind.CUSTOM);
        }

        @Test
        void promptOptimisationWinsOverTheAnalysisItMentions() {
            assertThat(AnalysisKind.detect("Optimize the prompt used to summarize rows"))
                    .isEqualTo(AnalysisKind.PROMPT_OPTIMIZATION);
        }
    }

    @Test
    void summaryKeepsTheFirstTwelveWordsAndMarksTheCut() {
        String text = "one two three four five six seven eight nine ten eleven twelve thirteen";

        assertThat(DeterministicAnswers.answer(AnalysisKind.SUMMARIZE, text, false))
                .isEqualTo("Summary: one two three four five six seven eight nine ten eleven twelve…");
        assertThat(DeterministicAnswers.answer(AnalysisKind.SUMMARIZE, "  short\n text ", true))
                .isEqualTo("{\"summary\":\"short text\"}");
    }

    @Test
    void emptyTextIsNamedAsSuch() {
        assertThat(DeterministicAnswers.answer(AnalysisKind.CUSTOM, "   ", false)).isEqualTo("Custom: (no text)");
    }

    @Test
    void anOverlongWordIsCutAt300CodePoints() {
        String answer = DeterministicAnswers.answer(AnalysisKind.CUSTOM, "y".repeat(1_000), false);

        assertThat(answer).isEqualTo("Custom: " + "y".repeat(300) + "…");
    }

    @Test
    void sentimentScoresHitsFromTheWordLists() {
        assertThat(DeterministicAnswers.answer(AnalysisKind.SENTIMENT, "Good, great... and LOVE it; bad though", false))
                .isEqualTo("Positive (score 0.50)");
        assertThat(DeterministicAnswers.answer(AnalysisKind.SENTIMENT, "terrible and slow", true))
                .isEqualTo("{\"sentiment\":\"negative\",\"score\":-1.00}");
        assertThat(DeterministicAnswers.answer(AnalysisKind.SENTIMENT, "good bad", false))
                .isEqualTo("Mixed (score 0.00)");
        assertThat(DeterministicAnswers.answer(AnalysisKind.SENTIMENT, "the meeting is on Tuesday", false))
                .isEqualTo("Neutral (score 0.00)");
    }

    @Test
    void interpretationTakesTheFirstMatchingTopicRowAndCountsWords() {
        assertThat(DeterministicAnswers.answer(AnalysisKind.INTERPRET, "Login fails after the payment", false))
                .isEqualTo("Interpretation: Billing (5 words)");
        assertThat(DeterministicAnswers.answer(AnalysisKind.INTERPRET, "hello", true))
                .isEqualTo("{\"topic\":\"General\",\"words\":1}");
        assertThat(DeterministicAnswers.answer(AnalysisKind.INTERPRET, "hello", false))
                .isEqualTo("Interpretation: General (1 word)");
    }

    @Test
    void promptOptimisationQuotesTheGoal() {
        assertThat(DeterministicAnswers.answer(AnalysisKind.PROMPT_OPTIMIZATION, "find late deliveries", false))
                .isEqualTo("You are a careful analyst of spreadsheet rows. Goal: \"find late deliveries\"."
                        + " Reply with the answer only, in at most 50 words.");
    }

    @Test
    void longAnswerMarkerPadsPlainAndJsonAnswersToExactly5000Characters() {
        String plain = DeterministicAnswers.answer(AnalysisKind.CUSTOM, "x [[LONG_ANSWER]]", false);
        String json = DeterministicAnswers.answer(AnalysisKind.SENTIMENT, "good [[LONG_ANSWER]]", true);

        assertThat(plain).hasSize(5_000).startsWith("Custom: x [[LONG_ANSWER]] Lorem ipsum dolor sit amet. ");
        assertThat(json).hasSize(5_000).startsWith("{\"sentiment\":\"positive\",\"score\":1.00,\"detail\":\"xxx").endsWith("x\"}");
    }

    @Test
    void ordinaryAnswersStayFarBelowTheCellLimit() {
        String text = "word ".repeat(10_000);
        for (AnalysisKind kind : AnalysisKind.values()) {
            assertThat(DeterministicAnswers.answer(kind, text, true)).hasSizeLessThan(1_000);
            assertThat(DeterministicAnswers.answer(kind, text, false)).hasSizeLessThan(1_000);
        }
    }
}
