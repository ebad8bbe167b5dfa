package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.Map;

/** One comment of a discussion. Mutable; guarded by its sheet's lock. */
final class Comment {

    final long id;
    final long discussionId;
    String text;
    final Map<String, Object> createdBy;
    final String createdAt;
    String modifiedAt;

    Comment(long id, long discussionId, String text, Map<String, Object> createdBy, String now) {
        this.id = id;
        this.discussionId = discussionId;
        this.text = text;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.modifiedAt = now;
    }
}
