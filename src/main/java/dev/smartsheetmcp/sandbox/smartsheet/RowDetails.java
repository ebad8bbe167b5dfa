package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.LinkedHashMap;
import java.util.Map;

/** A row's Discussion and Attachment objects as the API renders them (include=discussions,attachments). */
final class RowDetails {

    private static final Map<String, Object> USER = Map.of("name", SystemColumns.USER_NAME, "email", SystemColumns.USER_EMAIL);

    private RowDetails() {
    }

    /** A discussion of one comment; its title is the comment's first 100 characters, as Smartsheet makes it. */
    static Map<String, Object> discussion(long id, long rowId, String comment) {
        Map<String, Object> discussion = new LinkedHashMap<>();
        discussion.put("id", id);
        discussion.put("title", comment.length() > 100 ? comment.substring(0, 100) : comment);
        discussion.put("commentCount", 1);
        discussion.put("accessLevel", "OWNER");
        discussion.put("parentType", "ROW");
        discussion.put("parentId", rowId);
        discussion.put("readOnly", false);
        discussion.put("lastCommentedAt", Sheet.now());
        discussion.put("lastCommentedUser", USER);
        discussion.put("createdBy", USER);
        return discussion;
    }

    static Map<String, Object> attachment(long id, long rowId, String fileName, String mimeType, long sizeInKb) {
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("id", id);
        attachment.put("name", fileName);
        attachment.put("attachmentType", "FILE");
        attachment.put("mimeType", mimeType);
        attachment.put("sizeInKb", sizeInKb);
        attachment.put("parentType", "ROW");
        attachment.put("parentId", rowId);
        attachment.put("createdAt", Sheet.now());
        attachment.put("createdBy", USER);
        return attachment;
    }
}
