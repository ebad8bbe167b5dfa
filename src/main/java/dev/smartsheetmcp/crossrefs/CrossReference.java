package dev.smartsheetmcp.crossrefs;

import com.fasterxml.jackson.databind.JsonNode;

/** One cross-sheet reference as Smartsheet lists it: a name for a range of a source sheet. */
record CrossReference(long id, String name, long sourceSheetId, Long startColumnId, Long endColumnId,
                      Long startRowId, Long endRowId, String status) {

    static CrossReference of(JsonNode reference) {
        return new CrossReference(reference.path("id").asLong(), reference.path("name").asText(),
                reference.path("sourceSheetId").asLong(), id(reference, "startColumnId"), id(reference, "endColumnId"),
                id(reference, "startRowId"), id(reference, "endRowId"), reference.path("status").asText(null));
    }

    private static Long id(JsonNode reference, String field) {
        return reference.hasNonNull(field) ? reference.get(field).asLong() : null;
    }

    boolean wholeColumns() {
        return startRowId == null;
    }
}
