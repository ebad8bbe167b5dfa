package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.Map;

/**
 * A file or link attached to a sheet, a row or a comment. A file keeps its bytes, served at a
 * short-lived download URL; a link keeps its URL. Immutable but for its parent; guarded by its sheet's lock.
 */
final class Attachment {

    final long id;
    final String name;
    /** FILE, LINK, GOOGLE_DRIVE… */
    final String attachmentType;
    final String mimeType;
    /** SHEET, ROW or COMMENT. */
    final String parentType;
    final long parentId;
    /** The file's content; null for a link. */
    final byte[] bytes;
    /** A link's address; null for a file. */
    final String url;
    final Map<String, Object> createdBy;
    final String createdAt;

    Attachment(long id, String name, String attachmentType, String mimeType, String parentType, long parentId,
               byte[] bytes, String url, Map<String, Object> createdBy) {
        this.id = id;
        this.name = name;
        this.attachmentType = attachmentType;
        this.mimeType = mimeType;
        this.parentType = parentType;
        this.parentId = parentId;
        this.bytes = bytes;
        this.url = url;
        this.createdBy = createdBy;
        this.createdAt = Sheet.now();
    }

    boolean isFile() {
        return bytes != null;
    }
}
