package dev.smartsheetmcp.sandbox.smartsheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The sandbox's demo data: workspace "Demo Workspace" with sheet "Customer Feedback", 520
 * seeded rows of customer feedback and empty columns for the analysis to fill.
 */
final class DemoSheet {

    static final String WORKSPACE = "Demo Workspace";
    static final String SHEET = "Customer Feedback";
    static final int ROWS = 520;
    static final long SEED = 20_240_521L;
    static final String FOLLOW_UP_FORMULA = "=IF(AND([Rating]@row <= 2, NOT([Resolved]@row)), 1, 0)";

    static final List<ColumnSpec> COLUMNS = List.of(
            ColumnSpec.primary("Ticket"),
            ColumnSpec.of("Customer", "CONTACT_LIST"),
            ColumnSpec.picklist("Channel", "Email", "Phone", "Chat", "Survey", "Social"),
            ColumnSpec.of("Received", "DATE"),
            ColumnSpec.text("Rating"),
            ColumnSpec.of("Resolved", "CHECKBOX"),
            ColumnSpec.text("Feedback"),
            ColumnSpec.text("Summary"),
            ColumnSpec.picklist("Sentiment", "Positive", "Neutral", "Negative", "Mixed"),
            ColumnSpec.text("Interpretation"),
            ColumnSpec.formula("Needs Follow-up", "CHECKBOX", FOLLOW_UP_FORMULA),
            ColumnSpec.system("Created", "CREATED_DATE"),
            ColumnSpec.system("Row ID", "AUTO_NUMBER"));

    private static final List<String> FIRST = List.of("Ana", "Ben", "Chloe", "Dmitri", "Emeka", "Fatima", "Goran",
            "Hana", "Ivan", "Julia", "Kenji", "Lena", "Mateo", "Nia", "Oskar", "Priya", "Quinn", "Rosa", "Sven", "Yara");
    private static final List<String> LAST = List.of("Silva", "Okafor", "Novak", "Tanaka", "Moreau", "Khan",
            "Berg", "Rossi", "Haddad", "Larsen", "Costa", "Meyer", "Ivanova", "Lopez", "Park");
    private static final List<String> CHANNELS = List.of("Email", "Phone", "Chat", "Survey", "Social");
    /** Rows whose feedback runs past 1,500 characters. */
    private static final List<Integer> VERY_LONG = List.of(17, 133, 260, 388, 501);
    /** Rows that repeat an earlier row's feedback word for word, by row index: copy to, copy from. */
    private static final Map<Integer, Integer> DUPLICATES = Map.of(44, 3, 97, 3, 210, 150, 333, 12, 470, 150, 515, 260);

    private DemoSheet() {
    }

    static List<Map<String, Object>> rows() {
        Random random = new Random(SEED);
        FeedbackText feedback = new FeedbackText(SEED + 1);
        LocalDate start = LocalDate.of(2024, 1, 2);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            FeedbackText.Feedback text = feedback.next(VERY_LONG.contains(i));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("Ticket", "FB-" + (10_001 + i));
            String first = FIRST.get(random.nextInt(FIRST.size()));
            String last = LAST.get(random.nextInt(LAST.size()));
            row.put("Customer", Map.of("email", (first + "." + last + "@example.com").toLowerCase(),
                    "name", first + " " + last));
            row.put("Channel", CHANNELS.get(random.nextInt(CHANNELS.size())));
            row.put("Received", start.plusDays(i * 200L / ROWS + random.nextInt(3)).toString());
            Integer copyFrom = DUPLICATES.get(i);
            row.put("Feedback", copyFrom == null ? text.text() : rows.get(copyFrom).get("Feedback"));
            long rating = copyFrom == null ? text.rating() : (long) rows.get(copyFrom).get("Rating");
            row.put("Rating", rating);
            row.put("Resolved", random.nextInt(3) > 0);
            rows.add(row);
        }
        return rows;
    }
}
