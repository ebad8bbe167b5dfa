package dev.smartsheetmcp.analysis.prompts;

/**
 * An answer ready for a cell. {@code originalLength} is the length (UTF-16 chars) of the answer
 * as the model gave it, surrounding whitespace included, so a report can say how much was cut.
 */
public record TrimmedAnswer(String text, boolean trimmed, int originalLength) {}
