package dev.smartsheetmcp.crossrefs;

/**
 * The formulas {@code smartsheet_create_cross_reference} writes. {@code {Values}} is the reference
 * over the source column, {@code {Keys}} the one over the target sheet's primary column, {@code [Key]@row}
 * the key column of the row written; VLOOKUP uses one reference from the primary to the source column.
 */
enum FormulaType {
    INDEX_MATCH("=INDEX({Values}, MATCH([Key]@row, {Keys}, 0))"),
    VLOOKUP("=VLOOKUP([Key]@row, {Values}, #, false)"),
    SUMIF("=SUMIF({Keys}, [Key]@row, {Values})"),
    COUNTIF("=COUNTIF({Values}, [Key]@row)"),
    CUSTOM(null);

    final String template;

    FormulaType(String template) {
        this.template = template;
    }

    boolean needsKeys() {
        return template != null && template.contains("{Keys}");
    }
}
