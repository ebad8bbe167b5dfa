package dev.smartsheetmcp.testing;

import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.analysis.prompts.PromptTemplates;
import dev.smartsheetmcp.sandbox.azure.AnalysisKind;
import dev.smartsheetmcp.sandbox.azure.DeterministicAnswers;
import dev.smartsheetmcp.sandbox.smartsheet.ColumnSpec;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sheets for analysis tests, and the emulator's deterministic answer each row must end up with. */
public final class AnalysisSheets {

    public static final List<ColumnSpec> COLUMNS = List.of(
            ColumnSpec.primary("Ticket"),
            ColumnSpec.text("Feedback"),
            ColumnSpec.text("Summary"),
            ColumnSpec.text("Sentiment"),
            ColumnSpec.system("Created", "CREATED_DATE"),
            ColumnSpec.formula("Length", "TEXT_NUMBER", "=LEN([Feedback]@row)"));

    private static final String[] OPENINGS = {"The delivery", "Our invoice", "The mobile app", "Support", "The new feature",
        "Checkout", "The manager", "Billing", "The login page", "Shipping"};
    private static final String[] MIDDLES = {"was great and fast", "arrived late again", "crashed twice today",
        "was helpful and friendly", "is confusing", "charged us twice", "works fine", "needs a dark mode",
        "was slow but correct", "is excellent"};

    private AnalysisSheets() {
    }

    /** A sheet of {@code rows} distinct feedback texts with empty Summary and Sentiment columns. */
    public static long create(SmartsheetEmulator smartsheet, String name, int rows) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            data.add(Map.of("Ticket", "T-" + i, "Feedback", feedback(i)));
        }
        return smartsheet.createSheet(null, name, COLUMNS, data);
    }

    public static String feedback(int i) {
        return OPENINGS[i % OPENINGS.length] + " " + MIDDLES[(i / OPENINGS.length) % MIDDLES.length]
                + " (ticket " + i + ").";
    }

    /** The user prompt a summarize job sends for row {@code i} of {@link #create}'s sheet. */
    public static String summarizePrompt(int i) {
        return PromptTemplates.defaults().forType(AnalysisType.SUMMARIZE).initial(feedback(i));
    }

    /** What the emulator answers for this feedback under a built-in analysis type. */
    public static String expectedAnswer(AnalysisType type, String feedback) {
        String userPrompt = PromptTemplates.defaults().forType(type).initial(feedback);
        return DeterministicAnswers.answer(AnalysisKind.valueOf(type.name()), userPrompt, false);
    }
}
