package dev.smartsheetmcp.sandbox.smartsheet;

/**
 * A named range of another sheet that this sheet's formulas use as {@code {Name}}: whole columns
 * (start and end column), whole rows (start and end row) or a block of cells (both).
 */
record CrossSheetReference(long id, String name, long sourceSheetId, Long startColumnId, Long endColumnId,
                           Long startRowId, Long endRowId) {
}
