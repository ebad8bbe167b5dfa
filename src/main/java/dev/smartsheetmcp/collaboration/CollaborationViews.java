package dev.smartsheetmcp.collaboration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Smartsheet's Discussion, Comment and Attachment objects as the tools answer them: snake_case
 * keys, ids as strings of digits, every comment with its author and dates.
 */
final class CollaborationViews {

    private CollaborationViews() {
    }

    static Map<String, Object> discussion(JsonNode discussion, boolean withComments) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", discussion.path("id").asText());
        view.put("title", discussion.path("title").asText(""));
        view.put("parent_type", discussion.path("parentType").asText(""));
        view.put("parent_id", discussion.path("parentId").asText(""));
        view.put("comment_count", discussion.path("commentCount").asInt(discussion.path("comments").size()));
        putUser(view, "created_by", discussion.path("createdBy"));
        putText(view, "last_commented_at", discussion.path("lastCommentedAt"));
        putUser(view, "last_commented_by", discussion.path("lastCommentedUser"));
        if (withComments) view.put("comments", comments(discussion.path("comments"), true));
        return view;
    }

    static List<Map<String, Object>> comments(JsonNode comments, boolean withAttachments) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (JsonNode comment : comments) views.add(comment(comment, withAttachments));
        return views;
    }

    /** A comment with its author and dates, always; its attachments when asked and present. */
    static Map<String, Object> comment(JsonNode comment, boolean withAttachments) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", comment.path("id").asText());
        view.put("discussion_id", comment.path("discussionId").asText(""));
        view.put("text", comment.path("text").asText(""));
        Map<String, Object> author = user(comment.path("createdBy"));
        view.put("author", author);
        view.put("created_at", comment.path("createdAt").asText(null));
        view.put("modified_at", comment.path("modifiedAt").asText(comment.path("createdAt").asText(null)));
        if (withAttachments && comment.path("attachments").size() > 0) {
            List<Map<String, Object>> attachments = new ArrayList<>();
            for (JsonNode attachment : comment.path("attachments")) attachments.add(attachment(attachment));
            view.put("attachments", attachments);
        }
        return view;
    }

    static Map<String, Object> attachment(JsonNode attachment) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", attachment.path("id").asText());
        view.put("name", attachment.path("name").asText(""));
        view.put("attachment_type", attachment.path("attachmentType").asText(""));
        putText(view, "mime_type", attachment.path("mimeType"));
        if (attachment.hasNonNull("sizeInKb")) view.put("size_in_kb", attachment.get("sizeInKb").asLong());
        view.put("parent_type", attachment.path("parentType").asText(""));
        view.put("parent_id", attachment.path("parentId").asText(""));
        putText(view, "created_at", attachment.path("createdAt"));
        putUser(view, "created_by", attachment.path("createdBy"));
        // a link's address is permanent; a file's URL is short-lived and only download_attachment answers it
        if (!"FILE".equals(attachment.path("attachmentType").asText())) putText(view, "url", attachment.path("url"));
        return view;
    }

    /** A MiniUser {name, email}; an empty object when Smartsheet named nobody. */
    static Map<String, Object> user(JsonNode user) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (user.hasNonNull("name")) view.put("name", user.get("name").asText());
        if (user.hasNonNull("email")) view.put("email", user.get("email").asText());
        return view;
    }

    private static void putUser(Map<String, Object> view, String key, JsonNode user) {
        if (user.isObject()) view.put(key, user(user));
    }

    private static void putText(Map<String, Object> view, String key, JsonNode value) {
        if (value != null && !value.isNull() && !value.isMissingNode()) view.put(key, value.asText());
    }
}
