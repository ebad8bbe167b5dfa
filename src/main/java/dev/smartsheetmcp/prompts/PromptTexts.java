package dev.smartsheetmcp.prompts;

import dev.smartsheetmcp.toolkit.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Body;
import org.apache.camel.Header;

/** {@code direct:prompt-get}: the messages of the prompt named in header {@value #NAME_HEADER}, for the arguments in the body. */
public final class PromptTexts {

    public static final String NAME_HEADER = "PromptName";

    private final Map<String, PromptText> texts = new ConcurrentHashMap<>();

    public Map<String, Object> get(@Header(NAME_HEADER) String name, @Body Map<String, Object> arguments) {
        return texts.computeIfAbsent(name, PromptTexts::load).answer(arguments == null ? Map.of() : arguments);
    }

    private static PromptText load(String name) {
        if (!name.matches("[a-z_]+")) throw new ToolException("no prompt named " + name);
        try (InputStream in = PromptTexts.class.getResourceAsStream("/prompts/" + name + ".md")) {
            if (in == null) throw new ToolException("no prompt named " + name);
            return new PromptText(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
