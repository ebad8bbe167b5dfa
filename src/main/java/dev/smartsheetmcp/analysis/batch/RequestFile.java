package dev.smartsheetmcp.analysis.batch;

import java.nio.file.Path;

/** A request file ready to upload: its submission id, the multipart body on disk and its boundary. */
public record RequestFile(String id, Path file, String boundary, int requests) {
}
