package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A discussion on a sheet or a row: its comments, oldest first. Mutable; guarded by its sheet's lock. */
final class Discussion {

    final long id;
    /** SHEET or ROW. */
    final String parentType;
    final long parentId;
    final Map<String, Object> createdBy;
    final List<Comment> comments = new ArrayList<>();

    Discussion(long id, String parentType, long parentId, Map<String, Object> createdBy) {
        this.id = id;
        this.parentType = parentType;
        this.parentId = parentId;
        this.createdBy = createdBy;
    }

    /** Smartsheet's title: the first 100 characters of the first comment. */
    String title() {
        String first = comments.isEmpty() ? "" : comments.get(0).text;
        return first.length() > 100 ? first.substring(0, 100) : first;
    }
}
