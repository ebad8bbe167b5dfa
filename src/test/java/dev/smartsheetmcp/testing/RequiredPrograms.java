package dev.smartsheetmcp.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a program the machine may lack (a browser, a database server): on a
 * developer's machine without it they are skipped with a one-line notice saying what to install;
 * where {@code CI=true} the program is required and its absence fails the test.
 */
public final class RequiredPrograms {

    private RequiredPrograms() {}

    /** Skips (or, in CI, fails) the calling test unless {@code present}. */
    public static void require(boolean present, String what, String howToInstall) {
        if (present) return;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(what + " is required when CI=true: " + howToInstall);
        }
        String notice = what + " missing: skipped (" + howToInstall + ")";
        System.err.println("NOTICE: " + notice);
        Assumptions.abort(notice);
    }
}
