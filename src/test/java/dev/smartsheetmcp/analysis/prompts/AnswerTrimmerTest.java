package dev.smartsheetmcp.analysis.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.sandbox.azure.AnalysisKind;
import dev.smartsheetmcp.sandbox.azure.DeterministicAnswers;
import org.junit.jupiter.api.Test;

class AnswerTrimmerTest {

    private final AnswerTrimmer trimmer = new AnswerTrimmer();

    @Test
    void shortAnswerIsOnlyStrippedAndReportsTheLengthAsReceived() {
        assertThat(trimmer.trim("  Positive (score 0.50)\n")).isEqualTo(new TrimmedAnswer("Positive (score 0.50)", false, 24));
    }

    @Test
    void answerOfExactlyTheLimitIsKept() {
        String answer = "a".repeat(4000);
        assertThat(trimmer.trim(answer)).isEqualTo(new TrimmedAnswer(answer, false, 4000));
    }

    @Test
    void sentimentWordsAreNotNormalised() {
        assertThat(trimmer.trim("Mostly positive, I'd say 0.7").text()).isEqualTo("Mostly positive, I'd say 0.7");
    }

    @Test
    void emulatorsFiveThousandCharacterAnswerIsTrimmedToTheCellLimitAtASentenceEnd() {
        String answer = DeterministicAnswers.answer(AnalysisKind.SUMMARIZE, "Parcel late. " + DeterministicAnswers.LONG_ANSWER_MARKER, false);
        assertThat(answer).hasSize(5000);

        TrimmedAnswer trimmed = trimmer.trim(answer);

        assertThat(trimmed.trimmed()).isTrue();
        assertThat(trimmed.originalLength()).isEqualTo(5000);
        assertThat(trimmed.text().length()).isLessThanOrEqualTo(4000).isGreaterThan(3900);
        assertThat(trimmed.text()).endsWith("amet.…");
        assertThat(answer).startsWith(trimmed.text().substring(0, trimmed.text().length() - 1));
    }

    @Test
    void withoutSentenceEndsTheCutFallsBetweenWords() {
        TrimmedAnswer trimmed = trimmer.trim("word ".repeat(1000));
        assertThat(trimmed.text()).endsWith("word…").hasSizeLessThanOrEqualTo(4000);
    }

    @Test
    void withoutAnyBoundaryTheCutKeepsSurrogatePairsWhole() {
        String answer = "😀".repeat(3000);
        TrimmedAnswer trimmed = trimmer.trim(answer);
        String kept = trimmed.text().substring(0, trimmed.text().length() - 1);
        assertThat(trimmed.text()).endsWith("…").hasSizeLessThanOrEqualTo(4000);
        assertThat(kept).isEqualTo("😀".repeat(kept.length() / 2));
        assertThat(kept.length()).isEqualTo(3998);
    }

    @Test
    void limitIsConfigurable() {
        TrimmedAnswer trimmed = new AnswerTrimmer(20).trim("One sentence here. Another sentence follows.");
        assertThat(trimmed).isEqualTo(new TrimmedAnswer("One sentence here.…", true, 44));
    }

    @Test
    void missingAnswerIsEmpty() {
        assertThat(trimmer.trim(null)).isEqualTo(new TrimmedAnswer("", false, 0));
    }
}
