package dev.smartsheetmcp.sandbox.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * A batch line answered as the chat completions endpoint answers the same request: a 200
 * completion in the output file, or the error (a filtered prompt, a request the model refuses) in
 * the error file, with the response's status code.
 */
final class LineAnswers {

    private LineAnswers() {
    }

    static EmulatedBatch.Result answer(EmulatedBatch.Line line) {
        ObjectNode output = JsonNodeFactory.instance.objectNode()
                .put("id", "batch_req_" + UUID.randomUUID().toString().replace("-", "")).put("custom_id", line.customId());
        ObjectNode response = output.putObject("response");
        response.put("request_id", UUID.randomUUID().toString());
        output.putNull("error");
        try {
            ChatRequest request = ChatRequest.from(line.body());
            String text = request.lastUserText();
            if (text != null && text.contains(DeterministicAnswers.FILTER_PROMPT_MARKER)) throw AzureError.promptFiltered();
            String content = DeterministicAnswers.answer(AnalysisKind.detect(request.instructions()), text, request.jsonObject());
            int promptTokens = request.promptTokens();
            int completionTokens = TokenCounter.count(content);
            response.put("status_code", 200).set("body", AzureOpenAiEmulator.completion(line.body().path("model").asText(),
                    content, promptTokens, completionTokens));
            return new EmulatedBatch.Result(true, output, promptTokens, completionTokens);
        } catch (AzureError error) {
            response.put("status_code", error.status()).set("body", error.body());
            return new EmulatedBatch.Result(false, output, 0, 0);
        }
    }

    /** The tokens a line enqueues against the deployment's quota; an unreadable line counts none. */
    static long promptTokens(JsonNode body) {
        try {
            return ChatRequest.from(body).promptTokens();
        } catch (AzureError e) {
            return 0;
        }
    }
}
