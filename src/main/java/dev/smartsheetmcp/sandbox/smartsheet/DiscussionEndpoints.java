package dev.smartsheetmcp.sandbox.smartsheet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Discussions and comments: List, Create and Get Discussions on a sheet or a row (include=comments,
 * attachments), Delete Discussion, Create, Get, Edit and Delete a comment. A comment's text is at
 * most {@link #MAX_COMMENT_CHARS} characters; deleting a discussion's last comment deletes the
 * discussion, as in Smartsheet, where a discussion without comments does not exist.
 */
final class DiscussionEndpoints {

    /** The longest comment Smartsheet takes, as for a cell's text. */
    static final int MAX_COMMENT_CHARS = 4000;

    private final SheetStore store;

    DiscussionEndpoints(SheetStore store) {
        this.store = store;
    }

    void registerOn(Router router) {
        router.add("GET", "/sheets/{sheetId}/discussions", this::listOnSheet)
                .add("POST", "/sheets/{sheetId}/discussions", request -> create(request, false))
                .add("GET", "/sheets/{sheetId}/rows/{rowId}/discussions", this::listOnRow)
                .add("POST", "/sheets/{sheetId}/rows/{rowId}/discussions", request -> create(request, true))
                .add("GET", "/sheets/{sheetId}/discussions/{discussionId}", this::get)
                .add("DELETE", "/sheets/{sheetId}/discussions/{discussionId}", this::delete)
                .add("POST", "/sheets/{sheetId}/discussions/{discussionId}/comments", this::addComment)
                .add("GET", "/sheets/{sheetId}/comments/{commentId}", this::getComment)
                .add("PUT", "/sheets/{sheetId}/comments/{commentId}", this::editComment)
                .add("DELETE", "/sheets/{sheetId}/comments/{commentId}", this::deleteComment);
    }

    private Router.Reply listOnSheet(ApiRequest request) {
        Sheet sheet = sheet(request);
        synchronized (sheet) {
            return Router.Reply.ok(Paging.indexResult(views(sheet, sheet.discussions, request), request));
        }
    }

    private Router.Reply listOnRow(ApiRequest request) {
        Sheet sheet = sheet(request);
        synchronized (sheet) {
            long rowId = sheet.requireRow(request.pathId("rowId")).id;
            List<Discussion> onRow = sheet.discussions.stream()
                    .filter(discussion -> "ROW".equals(discussion.parentType) && discussion.parentId == rowId).toList();
            return Router.Reply.ok(Paging.indexResult(views(sheet, onRow, request), request));
        }
    }

    private static List<Map<String, Object>> views(Sheet sheet, List<Discussion> discussions, ApiRequest request) {
        boolean comments = request.words("include").contains("comments");
        boolean attachments = comments && request.words("include").contains("attachments");
        List<Map<String, Object>> views = new ArrayList<>();
        for (Discussion discussion : discussions) views.add(RowDetails.discussion(sheet, discussion, comments, attachments));
        return views;
    }

    private Router.Reply create(ApiRequest request, boolean onRow) {
        Sheet sheet = sheet(request);
        JsonNode body = request.body();
        if (!body.path("comment").isObject()) throw ApiError.missingAttribute("comment");
        String text = commentText(body.path("comment"));
        synchronized (sheet) {
            long parentId = onRow ? sheet.requireRow(request.pathId("rowId")).id : sheet.id;
            Map<String, Object> author = RowDetails.miniUser(request.caller());
            Discussion discussion = new Discussion(store.ids.next(), onRow ? "ROW" : "SHEET", parentId, author);
            discussion.comments.add(new Comment(store.ids.next(), discussion.id, text, author, Sheet.now()));
            sheet.discussions.add(discussion);
            sheet.touch();
            return Router.Reply.ok(Results.success(RowDetails.discussion(sheet, discussion, true, false), sheet.version));
        }
    }

    private Router.Reply get(ApiRequest request) {
        Sheet sheet = sheet(request);
        synchronized (sheet) {
            return Router.Reply.ok(RowDetails.discussion(sheet, discussion(sheet, request), true, true));
        }
    }

    private Router.Reply delete(ApiRequest request) {
        Sheet sheet = sheet(request);
        synchronized (sheet) {
            Discussion discussion = discussion(sheet, request);
            sheet.discussions.remove(discussion);
            for (Comment comment : discussion.comments) dropAttachmentsOf(sheet, comment);
            sheet.touch();
            return Router.Reply.ok(Results.success(null, sheet.version));
        }
    }

    private Router.Reply addComment(ApiRequest request) {
        Sheet sheet = sheet(request);
        String text = commentText(request.body());
        synchronized (sheet) {
            Discussion discussion = discussion(sheet, request);
            Comment comment = new Comment(store.ids.next(), discussion.id, text, RowDetails.miniUser(request.caller()), Sheet.now());
            discussion.comments.add(comment);
            sheet.touch();
            return Router.Reply.ok(Results.success(RowDetails.comment(sheet, comment, false), sheet.version));
        }
    }

    private Router.Reply getComment(ApiRequest request) {
        Sheet sheet = sheet(request);
        synchronized (sheet) {
            return Router.Reply.ok(RowDetails.comment(sheet, comment(sheet, request.pathId("commentId")), true));
        }
    }

    private Router.Reply editComment(ApiRequest request) {
        Sheet sheet = sheet(request);
        String text = commentText(request.body());
        synchronized (sheet) {
            Comment comment = comment(sheet, request.pathId("commentId"));
            comment.text = text;
            comment.modifiedAt = Sheet.now();
            sheet.touch();
            return Router.Reply.ok(Results.success(RowDetails.comment(sheet, comment, false), sheet.version));
        }
    }

    private Router.Reply deleteComment(ApiRequest request) {
        Sheet sheet = sheet(request);
        synchronized (sheet) {
            Comment comment = comment(sheet, request.pathId("commentId"));
            Discussion discussion = RowDetails.discussionOfComment(sheet, comment.id);
            discussion.comments.remove(comment);
            dropAttachmentsOf(sheet, comment);
            if (discussion.comments.isEmpty()) sheet.discussions.remove(discussion);
            sheet.touch();
            return Router.Reply.ok(Results.success(null, sheet.version));
        }
    }

    /** A comment's text: required, not blank, at most {@link #MAX_COMMENT_CHARS} characters. */
    private static String commentText(JsonNode comment) {
        JsonNode text = comment.path("text");
        if (!text.isTextual() || text.asText().isBlank()) throw ApiError.missingAttribute("text");
        int length = text.asText().codePointCount(0, text.asText().length());
        if (length > MAX_COMMENT_CHARS) throw ApiError.tooLong("text", MAX_COMMENT_CHARS, length);
        return text.asText();
    }

    private static void dropAttachmentsOf(Sheet sheet, Comment comment) {
        sheet.attachments.removeIf(attachment -> "COMMENT".equals(attachment.parentType) && attachment.parentId == comment.id);
    }

    private static Discussion discussion(Sheet sheet, ApiRequest request) {
        long id = request.pathId("discussionId");
        for (Discussion discussion : sheet.discussions) if (discussion.id == id) return discussion;
        throw ApiError.notFound();
    }

    static Comment comment(Sheet sheet, long commentId) {
        for (Discussion discussion : sheet.discussions) {
            for (Comment comment : discussion.comments) if (comment.id == commentId) return comment;
        }
        throw ApiError.notFound();
    }

    private Sheet sheet(ApiRequest request) {
        return store.sheet(request.pathId("sheetId"));
    }
}
