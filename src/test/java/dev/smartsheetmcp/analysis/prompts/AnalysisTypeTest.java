package dev.smartsheetmcp.analysis.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnalysisTypeTest {

    @Test
    void parsesTheSchemaNamesIgnoringCase() {
        assertThat(AnalysisType.parse("summarize")).isEqualTo(AnalysisType.SUMMARIZE);
        assertThat(AnalysisType.parse("Sentiment")).isEqualTo(AnalysisType.SENTIMENT);
        assertThat(AnalysisType.parse(" INTERPRET ")).isEqualTo(AnalysisType.INTERPRET);
        assertThat(AnalysisType.parse("custom")).isEqualTo(AnalysisType.CUSTOM);
    }

    @Test
    void unknownTypeIsRefusedListingTheAllowedValues() {
        assertThatThrownBy(() -> AnalysisType.parse("translate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'translate'")
                .hasMessageContaining("summarize, sentiment, interpret, custom");
        assertThatThrownBy(() -> AnalysisType.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wireNameIsTheLowerCaseSchemaName() {
        assertThat(AnalysisType.SUMMARIZE.wireName()).isEqualTo("summarize");
    }
}
