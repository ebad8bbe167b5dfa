package dev.smartsheetmcp.toolkit;

/**
 * A tool call that failed for a reason the caller can act on: bad arguments, a Smartsheet
 * error, a missing setting. Its message goes to the MCP client as an error result, so it
 * names the field or the upstream code and never holds a secret or a stack trace.
 */
public class ToolException extends RuntimeException {

    public ToolException(String message) {
        super(message);
    }

    public ToolException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A bad argument: {@code field} is the argument's path, such as {@code row_data[3].Status}. */
    public static ToolException invalidArgument(String field, String problem) {
        return new ToolException("Invalid argument '" + field + "': " + problem);
    }
}
