package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.List;

/**
 * A column to seed a sheet with: Smartsheet column {@code type}, whether it is the primary
 * column, picklist {@code options}, a {@code systemColumnType} the emulator fills in, and
 * an optional column {@code formula}.
 */
public record ColumnSpec(String title, String type, boolean primary, List<String> options,
                         String systemColumnType, String formula) {

    public ColumnSpec {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static ColumnSpec primary(String title) {
        return new ColumnSpec(title, "TEXT_NUMBER", true, List.of(), null, null);
    }

    public static ColumnSpec text(String title) {
        return of(title, "TEXT_NUMBER");
    }

    /** A column of any non-system type without options, such as DATE, CHECKBOX or CONTACT_LIST. */
    public static ColumnSpec of(String title, String type) {
        return new ColumnSpec(title, type, false, List.of(), null, null);
    }

    public static ColumnSpec picklist(String title, String... options) {
        return new ColumnSpec(title, "PICKLIST", false, List.of(options), null, null);
    }

    public static ColumnSpec multiPicklist(String title, String... options) {
        return new ColumnSpec(title, "MULTI_PICKLIST", false, List.of(options), null, null);
    }

    /** A system column; its type follows the system column type as Smartsheet requires. */
    public static ColumnSpec system(String title, String systemColumnType) {
        return new ColumnSpec(title, SystemColumns.typeFor(systemColumnType), false, List.of(), systemColumnType, null);
    }

    /** A column whose every cell is computed by {@code formula}, such as {@code =IF([Rating]@row < 3, 1, 0)}. */
    public static ColumnSpec formula(String title, String type, String formula) {
        return new ColumnSpec(title, type, false, List.of(), null, formula);
    }
}
