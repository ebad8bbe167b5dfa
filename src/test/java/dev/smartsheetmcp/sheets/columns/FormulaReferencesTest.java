package dev.smartsheetmcp.sheets.columns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormulaReferencesTest {

    @Test
    void findsBracketedReferencesInEveryFormIgnoringCase() {
        FormulaReferences status = new FormulaReferences("Due Date");
        assertThat(status.foundIn("=[Due Date]@row")).isTrue();
        assertThat(status.foundIn("=MAX([Due Date]1:[Due Date]5)")).isTrue();
        assertThat(status.foundIn("=[due date]@row")).isTrue();
        assertThat(status.foundIn("=[Due Date Old]@row")).isFalse();
        assertThat(status.foundIn(null)).isFalse();
    }

    @Test
    void findsBareReferencesOnlyForOneWordTitles() {
        FormulaReferences score = new FormulaReferences("Score");
        assertThat(score.foundIn("=Score@row + 1")).isTrue();
        assertThat(score.foundIn("=SUM(Score1:Score3)")).isTrue();
        assertThat(score.foundIn("=Scores@row")).isFalse();
        assertThat(score.foundIn("=[Max Score]@row")).isFalse();
        assertThat(score.foundIn("=\"Score1\"")).isFalse();
    }

    @Test
    void rewritesEveryReferenceToTheNewTitleInBrackets() {
        FormulaReferences score = new FormulaReferences("Score");
        assertThat(score.rewrite("=Score@row + [score]1 + SUM([Score]1:[Score]2)", "Total $ Points"))
                .isEqualTo("=[Total $ Points]@row + [Total $ Points]1 + SUM([Total $ Points]1:[Total $ Points]2)");
    }
}
