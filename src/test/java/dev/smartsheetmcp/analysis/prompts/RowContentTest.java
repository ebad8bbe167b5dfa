package dev.smartsheetmcp.analysis.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowContentTest {

    @Test
    void oneSourceColumnGivesJustTheValue() {
        assertThat(RowContent.of(List.of("Feedback"), Map.of("Feedback", "  Late delivery  ", "Notes", "x")).text())
                .isEqualTo("Late delivery");
    }

    @Test
    void severalSourceColumnsGiveTitledLinesInTheRequestedOrder() {
        Map<String, Object> cells = Map.of("Feedback", "Late delivery", "Channel", "Email", "Score", 3);
        assertThat(RowContent.of(List.of("Score", "Feedback", "Channel"), cells).text())
                .isEqualTo("Score: 3\nFeedback: Late delivery\nChannel: Email");
    }

    @Test
    void emptyBlankAndMissingCellsAreSkipped() {
        Map<String, Object> cells = new HashMap<>();
        cells.put("Feedback", "Late");
        cells.put("Notes", "   ");
        cells.put("Channel", null);
        assertThat(RowContent.of(List.of("Notes", "Feedback", "Channel", "Absent"), cells).text()).isEqualTo("Feedback: Late");
    }

    @Test
    void rowWithOnlyEmptySourceCellsIsEmptyAndSkipped() {
        Map<String, Object> cells = new HashMap<>();
        cells.put("Feedback", "");
        RowContent content = RowContent.of(List.of("Feedback", "Notes"), cells);
        assertThat(content.isEmpty()).isTrue();
        assertThat(content.text()).isEmpty();
    }

    @Test
    void contentHashIsTheSha256OfTheText() {
        assertThat(new RowContent("abc").hash())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(RowContent.of(List.of("A"), Map.of("A", "abc")).hash()).isEqualTo(new RowContent("abc").hash());
    }

    @Test
    void specHashChangesWithEveryPartThatChangesTheAnswer() {
        String base = RowContent.specHash(AnalysisType.SUMMARIZE, List.of("A", "B"), "Out", null);
        assertThat(base).hasSize(64).isEqualTo(RowContent.specHash(AnalysisType.SUMMARIZE, List.of("A", "B"), "Out", null));
        assertThat(RowContent.specHash(AnalysisType.SENTIMENT, List.of("A", "B"), "Out", null)).isNotEqualTo(base);
        assertThat(RowContent.specHash(AnalysisType.SUMMARIZE, List.of("B", "A"), "Out", null)).isNotEqualTo(base);
        assertThat(RowContent.specHash(AnalysisType.SUMMARIZE, List.of("A", "B"), "Out2", null)).isNotEqualTo(base);
        assertThat(RowContent.specHash(AnalysisType.CUSTOM, List.of("A"), "Out", "goal one"))
                .isNotEqualTo(RowContent.specHash(AnalysisType.CUSTOM, List.of("A"), "Out", "goal two"));
    }

    @Test
    void specHashIgnoresTheGoalOfBuiltInTypes() {
        assertThat(RowContent.specHash(AnalysisType.SUMMARIZE, List.of("A"), "Out", "ignored"))
                .isEqualTo(RowContent.specHash(AnalysisType.SUMMARIZE, List.of("A"), "Out", null));
    }

    @Test
    void specHashFieldsCannotRunIntoEachOther() {
        assertThat(RowContent.specHash(AnalysisType.SUMMARIZE, List.of("A|B"), "C", null))
                .isNotEqualTo(RowContent.specHash(AnalysisType.SUMMARIZE, List.of("A", "B"), "C", null));
        assertThat(RowContent.specHash(AnalysisType.SUMMARIZE, List.of("AB"), "C", null))
                .isNotEqualTo(RowContent.specHash(AnalysisType.SUMMARIZE, List.of("A"), "BC", null));
    }
}
