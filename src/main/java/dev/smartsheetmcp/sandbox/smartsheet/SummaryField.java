package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.ArrayList;
import java.util.List;

/** One sheet summary field. Mutable; guarded by its sheet's lock. */
final class SummaryField {

    final long id;
    String title;
    String type;
    List<String> options = new ArrayList<>();
    /** A string, number or boolean, or an object value (a CONTACT, say) as a JSON-ready map. */
    Object objectValue;
    final String createdAt;
    String modifiedAt;

    SummaryField(long id, String title, String type, String now) {
        this.id = id;
        this.title = title;
        this.type = type;
        this.createdAt = now;
        this.modifiedAt = now;
    }
}
