package dev.smartsheetmcp.app;

import java.util.List;

/** The settings are wrong; each problem is one printable line that holds no secret. */
final class InvalidConfigurationException extends RuntimeException {

    private final List<String> problems;

    InvalidConfigurationException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
