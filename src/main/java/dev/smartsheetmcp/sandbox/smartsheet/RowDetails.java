package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Discussion, Comment and Attachment objects as the API renders them: in Get Row's and Get Sheet's
 * {@code include=discussions,attachments}, and in the discussion, comment and attachment endpoints.
 */
final class RowDetails {

    /** The MiniUser of the sandbox's seeded and API edits. */
    static final Map<String, Object> SANDBOX_USER = Map.of("name", SystemColumns.USER_NAME, "email", SystemColumns.USER_EMAIL);

    private RowDetails() {
    }

    /** A MiniUser {name, email}. */
    static Map<String, Object> miniUser(User user) {
        return user == null ? SANDBOX_USER : Map.of("name", user.name(), "email", user.email);
    }

    /** The row's discussions (without comments), as include=discussions lists them. */
    static List<Map<String, Object>> discussions(Sheet sheet, long rowId) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Discussion discussion : sheet.discussions) {
            if ("ROW".equals(discussion.parentType) && discussion.parentId == rowId) {
                views.add(discussion(sheet, discussion, false, false));
            }
        }
        return views;
    }

    /** The row's own attachments and those of its discussions' comments, as include=attachments lists them. */
    static List<Map<String, Object>> attachments(Sheet sheet, long rowId) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Attachment attachment : sheet.attachments) {
            if (belongsToRow(sheet, attachment, rowId)) views.add(attachment(attachment, null));
        }
        return views;
    }

    static boolean belongsToRow(Sheet sheet, Attachment attachment, long rowId) {
        if ("ROW".equals(attachment.parentType)) return attachment.parentId == rowId;
        if (!"COMMENT".equals(attachment.parentType)) return false;
        Discussion discussion = discussionOfComment(sheet, attachment.parentId);
        return discussion != null && "ROW".equals(discussion.parentType) && discussion.parentId == rowId;
    }

    static Discussion discussionOfComment(Sheet sheet, long commentId) {
        for (Discussion discussion : sheet.discussions) {
            for (Comment comment : discussion.comments) if (comment.id == commentId) return discussion;
        }
        return null;
    }

    /** A Discussion; {@code withComments} adds its comments, {@code withAttachments} their attachments too. */
    static Map<String, Object> discussion(Sheet sheet, Discussion discussion, boolean withComments, boolean withAttachments) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", discussion.id);
        view.put("title", discussion.title());
        view.put("commentCount", discussion.comments.size());
        view.put("accessLevel", "OWNER");
        view.put("parentType", discussion.parentType);
        view.put("parentId", discussion.parentId);
        view.put("readOnly", false);
        if (!discussion.comments.isEmpty()) {
            Comment last = discussion.comments.get(discussion.comments.size() - 1);
            view.put("lastCommentedAt", last.createdAt);
            view.put("lastCommentedUser", last.createdBy);
        }
        view.put("createdBy", discussion.createdBy);
        if (withComments) {
            List<Map<String, Object>> comments = new ArrayList<>();
            for (Comment comment : discussion.comments) comments.add(comment(sheet, comment, withAttachments));
            view.put("comments", comments);
        }
        return view;
    }

    static Map<String, Object> comment(Sheet sheet, Comment comment, boolean withAttachments) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", comment.id);
        view.put("discussionId", comment.discussionId);
        view.put("text", comment.text);
        view.put("createdBy", comment.createdBy);
        view.put("createdAt", comment.createdAt);
        view.put("modifiedAt", comment.modifiedAt);
        if (withAttachments) {
            List<Map<String, Object>> attachments = new ArrayList<>();
            for (Attachment attachment : sheet.attachments) {
                if ("COMMENT".equals(attachment.parentType) && attachment.parentId == comment.id) {
                    attachments.add(attachment(attachment, null));
                }
            }
            if (!attachments.isEmpty()) view.put("attachments", attachments);
        }
        return view;
    }

    /** An Attachment; {@code downloadUrl} (Get Attachment only) adds the temporary URL of a file. */
    static Map<String, Object> attachment(Attachment attachment, String downloadUrl) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", attachment.id);
        view.put("name", attachment.name);
        view.put("attachmentType", attachment.attachmentType);
        if (attachment.mimeType != null) view.put("mimeType", attachment.mimeType);
        if (attachment.isFile()) view.put("sizeInKb", (attachment.bytes.length + 1023) / 1024);
        view.put("parentType", attachment.parentType);
        view.put("parentId", attachment.parentId);
        view.put("createdAt", attachment.createdAt);
        view.put("createdBy", attachment.createdBy);
        if (!attachment.isFile()) {
            view.put("url", attachment.url);
        } else if (downloadUrl != null) {
            view.put("url", downloadUrl);
            view.put("urlExpiresInMillis", AttachmentEndpoints.URL_LIFETIME_MILLIS);
        }
        return view;
    }
}
