package dev.smartsheetmcp.toolkit;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "dev" when run from classes. */
public final class ApplicationVersion implements IVersionProvider {

    public static String current() {
        String version = ApplicationVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"smartsheet-mcp-pipeline " + current()};
    }
}
