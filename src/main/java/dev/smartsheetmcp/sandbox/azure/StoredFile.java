package dev.smartsheetmcp.sandbox.azure;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A file of the emulated Files API: its id, name, purpose ({@code batch}, {@code batch_output}) and bytes. */
record StoredFile(String id, String filename, String purpose, byte[] content, long createdAt) {

    /** The file object of {@code GET /openai/files/{id}}. */
    ObjectNode object() {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("object", "file").put("bytes", content.length)
                .put("created_at", createdAt).put("filename", filename).put("purpose", purpose).put("status", "processed");
    }
}
