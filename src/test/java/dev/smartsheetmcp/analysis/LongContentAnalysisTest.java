package dev.smartsheetmcp.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.analysis.prompts.ContentChunker;
import dev.smartsheetmcp.analysis.prompts.PromptTemplate;
import dev.smartsheetmcp.analysis.prompts.PromptTemplates;
import dev.smartsheetmcp.analysis.prompts.TokenCounter;
import dev.smartsheetmcp.sandbox.azure.AnalysisKind;
import dev.smartsheetmcp.sandbox.azure.DeterministicAnswers;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text over the input budget goes chunk by chunk, each next chunk with the continuation prompt. */
class LongContentAnalysisTest {

    private static final int BUDGET = 40;

    @Test
    void longTextIsAnalysedChunkByChunkWithTheContinuationPrompt() throws Exception {
        String text = "The parcel arrived two weeks late and the box was crushed. Support apologised but never called back. "
                + "The replacement came quickly though. The product itself works well and the battery lasts for days. "
                + "I would buy again if shipping improves. Billing charged me twice for the replacement, which is annoying.";
        List<String> chunks = new ContentChunker(new TokenCounter(), BUDGET).chunks(text);
        assertThat(chunks).hasSizeGreaterThan(1);

        try (SandboxApp app = SandboxApp.start(Map.of("analysis.max-input-tokens", Integer.toString(BUDGET),
                "jobs.poll-interval-ms", "100"));
             McpSyncClient client = app.mcpClient()) {
            long sheetId = app.sandbox().smartsheet().createSheet(null, "Long", AnalysisSheets.COLUMNS,
                    List.of(Map.of("Ticket", "T-1", "Feedback", text)));
            String deployment = app.context().resolvePropertyPlaceholders("{{azure.deployment}}");
            int before = app.sandbox().azure().completionCount(deployment);

            String jobId = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", Long.toString(sheetId),
                    "type", "summarize", "sourceColumns", List.of("Feedback"), "targetColumn", "Summary"))
                    .path("jobId").asText();
            JsonNode done = Jobs.awaitFinished(client, jobId);

            assertThat(done.path("status").asText()).isEqualTo("completed");
            assertThat(app.sandbox().azure().completionCount(deployment) - before).isEqualTo(chunks.size());
            long rowId = app.sandbox().smartsheet().rowIds(sheetId).get(0);
            assertThat(app.sandbox().smartsheet().cellValue(sheetId, rowId, "Summary")).isEqualTo(expectedAnswer(chunks));
        }
    }

    /** What the emulator answers to the last chunk, each continuation carrying the previous answer. */
    private static String expectedAnswer(List<String> chunks) {
        PromptTemplate template = PromptTemplates.defaults().forType(AnalysisType.SUMMARIZE);
        String answer = DeterministicAnswers.answer(AnalysisKind.SUMMARIZE, template.initial(chunks.get(0)), false);
        for (String chunk : chunks.subList(1, chunks.size())) {
            answer = DeterministicAnswers.answer(AnalysisKind.SUMMARIZE, template.continuation(chunk, answer), false);
        }
        return answer;
    }
}
