package dev.smartsheetmcp.analysis.prompts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The {@code type} argument of {@code start_batch_analysis}: what the model does with each row. */
public enum AnalysisType {
    SUMMARIZE, SENTIMENT, INTERPRET, CUSTOM;

    /** The name as the tool schema spells it: {@code summarize}, {@code sentiment}, {@code interpret}, {@code custom}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the tool argument, ignoring case and surrounding whitespace. */
    public static AnalysisType parse(String value) {
        if (value != null) {
            String wanted = value.strip();
            for (AnalysisType type : values()) {
                if (type.wireName().equalsIgnoreCase(wanted)) return type;
            }
        }
        throw new IllegalArgumentException("Unknown analysis type '" + value + "'; allowed values: " + allowedValues());
    }

    /** {@code summarize, sentiment, interpret, custom}: for error messages. */
    public static String allowedValues() {
        return Arrays.stream(values()).map(AnalysisType::wireName).collect(Collectors.joining(", "));
    }
}
