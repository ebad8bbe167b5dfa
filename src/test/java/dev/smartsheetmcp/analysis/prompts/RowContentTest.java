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
}
