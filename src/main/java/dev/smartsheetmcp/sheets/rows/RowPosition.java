package dev.smartsheetmcp.sheets.rows;

import dev.smartsheetmcp.toolkit.ToolException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where new rows go, from the positioning keys the existing server accepts in a row object:
 * {@code toTop}, {@code toBottom}, {@code parentId}, {@code siblingId}, {@code above},
 * {@code below}. None means the bottom of the sheet. A key is a positioning key only when
 * column_map does not name it (a column may be titled "above").
 */
record RowPosition(boolean toTop, boolean toBottom, Long parentId, Long siblingId, boolean above) {

    static final Set<String> KEYS = Set.of("toTop", "toBottom", "parentId", "siblingId", "above", "below");
    static final RowPosition BOTTOM = new RowPosition(false, true, null, null, false);

    static RowPosition of(Map<String, Object> row, ColumnMapping mapping, String field) {
        boolean top = flag(row, "toTop", mapping, field);
        boolean bottom = flag(row, "toBottom", mapping, field);
        Long parent = id(row, "parentId", mapping, field);
        Long sibling = id(row, "siblingId", mapping, field);
        boolean above = flag(row, "above", mapping, field);
        boolean below = flag(row, "below", mapping, field);
        if (top && bottom) throw ToolException.invalidArgument(field, "toTop and toBottom cannot both be true");
        if (sibling != null && (top || bottom || parent != null)) {
            throw ToolException.invalidArgument(field + ".siblingId", "cannot be combined with toTop, toBottom or parentId");
        }
        if ((above || below) && sibling == null) {
            throw ToolException.invalidArgument(field + (above ? ".above" : ".below"), "needs siblingId (the row to go above or below)");
        }
        if (above && below) throw ToolException.invalidArgument(field, "above and below cannot both be true");
        if (!top && !bottom && parent == null && sibling == null) return BOTTOM;
        return new RowPosition(top, bottom, parent, sibling, above);
    }

    /** The location attributes of a Smartsheet row. */
    void applyTo(Map<String, Object> row) {
        if (toTop) row.put("toTop", true);
        if (toBottom) row.put("toBottom", true);
        if (parentId != null) row.put("parentId", parentId);
        if (siblingId != null) row.put("siblingId", siblingId);
        if (above) row.put("above", true);
    }

    /**
     * Whether rows sent in several requests would land in reverse request order: each request
     * goes to the top (of the sheet or of the parent's children) or just below the sibling.
     */
    boolean reversesAcrossRequests() {
        return toTop || (parentId != null && !toBottom) || (siblingId != null && !above);
    }

    static boolean isPositionKey(String key, ColumnMapping mapping) {
        return KEYS.contains(key) && !mapping.has(key);
    }

    String describe() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        applyTo(attributes);
        return attributes.isEmpty() ? "(none)" : attributes.toString();
    }

    boolean samePlace(RowPosition other) {
        return toTop == other.toTop && toBottom == other.toBottom && Objects.equals(parentId, other.parentId)
                && Objects.equals(siblingId, other.siblingId) && above == other.above;
    }

    private static boolean flag(Map<String, Object> row, String key, ColumnMapping mapping, String field) {
        if (!row.containsKey(key) || mapping.has(key)) return false;
        Object value = row.get(key);
        if (value == null) return false;
        if (!(value instanceof Boolean flag)) throw ToolException.invalidArgument(field + "." + key, "must be true or false");
        return flag;
    }

    private static Long id(Map<String, Object> row, String key, ColumnMapping mapping, String field) {
        if (!row.containsKey(key) || mapping.has(key) || row.get(key) == null) return null;
        return Ids.parse(row.get(key), field + "." + key);
    }
}
