package dev.smartsheetmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.testing.OutputSchemas;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import dev.smartsheetmcp.testing.ToolSamples;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every tool the server lists, found through tools/list rather than named here, declares an
 * outputSchema, and a representative successful call of it answers structuredContent that
 * validates against that schema, with the same JSON as text. A new tool without a schema, with a
 * schema its answer does not meet, or without a sample call in {@link ToolSamples}, fails here.
 */
@SandboxApplication(unthrottledModel = true)
class StructuredResultsTest {

    private static SandboxApp app;
    private static McpSyncClient client;

    @TestFactory
    Stream<DynamicTest> everyToolAnswersStructuredContentThatMeetsItsOutputSchema() {
        ToolSamples samples = new ToolSamples(app, client);
        return client.listTools().tools().stream().map(tool -> DynamicTest.dynamicTest(tool.name(), () -> {
            McpSchema.CallToolResult result = ToolCalls.call(client, tool.name(), samples.arguments(tool.name()));
            assertThat(OutputSchemas.problems(tool, result)).isEmpty();
        }));
    }
}
