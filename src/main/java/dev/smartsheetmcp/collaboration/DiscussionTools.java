package dev.smartsheetmcp.collaboration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.BudgetedList;
import dev.smartsheetmcp.toolkit.Json;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discussion and comment tools: the request each makes below {@code /sheets/{sheet_id}} and the
 * answers, listings kept within the answer's size budget with a cursor. Comment text is checked
 * against Smartsheet's limit before anything is sent.
 */
public final class DiscussionTools {

    /** The longest comment Smartsheet takes, as for a cell's text. */
    static final int MAX_COMMENT_CHARS = 4000;
    /** How much of a comment the confirmation of its deletion quotes. */
    private static final int QUOTED_CHARS = 80;

    private int defaultMaxChars = 20_000;

    public void setDefaultMaxChars(int defaultMaxChars) {
        this.defaultMaxChars = defaultMaxChars;
    }

    public long sheetId(Map<String, Object> arguments) {
        return ToolArguments.of(arguments).id("sheet_id");
    }

    /** Below the sheet: {@code /discussions}, or {@code /rows/{target_id}/discussions} for a row. */
    public String discussionsPath(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        String type = args.text("discussion_type");
        return switch (type) {
            case "sheet" -> "/discussions";
            case "row" -> "/rows/" + args.optionalId("target_id").orElseThrow(() -> ToolException.invalidArgument("target_id",
                    "is required for a row discussion: the row's id")) + "/discussions";
            default -> throw ToolException.invalidArgument("discussion_type", "must be 'sheet' or 'row', got '" + type + "'");
        };
    }

    /** Create Discussion's body. A title, when given, opens the first comment, which Smartsheet titles the discussion by. */
    public String createBody(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        String text = args.nonBlankText("comment_text");
        String title = args.optionalText("title").map(String::strip).orElse("");
        if (!title.isEmpty() && !text.startsWith(title)) text = title + "\n\n" + text;
        checkLength(text, title.isEmpty() ? "comment_text" : "title and comment_text");
        return json(Map.of("comment", Map.of("text", text)));
    }

    /** Create a comment: path and body. */
    public String commentPath(Map<String, Object> arguments) {
        return "/discussions/" + ToolArguments.of(arguments).id("discussion_id") + "/comments";
    }

    public String commentBody(Map<String, Object> arguments) {
        String text = ToolArguments.of(arguments).nonBlankText("comment_text");
        checkLength(text, "comment_text");
        return json(Map.of("text", text));
    }

    /** List Discussions: every discussion in one answer, comments (and their attachments) when asked. */
    public String listQuery(Map<String, Object> arguments) {
        return ToolArguments.of(arguments).flag("include_comments", false) ? "includeAll=true&include=comments,attachments"
                : "includeAll=true";
    }

    public String discussionPath(Map<String, Object> arguments) {
        return "/discussions/" + ToolArguments.of(arguments).id("discussion_id");
    }

    public String deleteCommentPath(Map<String, Object> arguments) {
        return "/comments/" + ToolArguments.of(arguments).id("comment_id");
    }

    public Map<String, Object> created(Map<String, Object> arguments, JsonNode result) {
        JsonNode discussion = result.path("result");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("sheet_id", Long.toString(sheetId(arguments)));
        answer.put("discussion", CollaborationViews.discussion(discussion, true));
        return answer;
    }

    public Map<String, Object> commentAdded(Map<String, Object> arguments, JsonNode result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("sheet_id", Long.toString(sheetId(arguments)));
        answer.put("comment", CollaborationViews.comment(result.path("result"), false));
        return answer;
    }

    /** smartsheet_get_discussions: the discussions that fit, oldest first, with a cursor after the last. */
    public Map<String, Object> discussions(Map<String, Object> arguments, JsonNode indexResult) {
        ToolArguments args = ToolArguments.of(arguments);
        boolean withComments = args.flag("include_comments", false);
        List<JsonNode> all = new ArrayList<>();
        indexResult.path("data").forEach(all::add);
        BudgetedList<Map<String, Object>> page = BudgetedList.of("smartsheet_get_discussions", arguments, defaultMaxChars);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sheet_id", Long.toString(sheetId(arguments)));
        answer.put("discussion_type", args.text("discussion_type"));
        args.optionalId("target_id").ifPresent(id -> answer.put("target_id", Long.toString(id)));
        answer.put("total_count", all.size());
        answer.put("discussions", List.of());
        page.frame(answer);
        for (JsonNode discussion : page.remainder(all, node -> node.path("id").asText(), "discussion")) {
            if (!page.offer(CollaborationViews.discussion(discussion, withComments))) break;
        }
        answer.put("discussions", page.items());
        return page.finish(answer, view -> (String) view.get("id"));
    }

    /** smartsheet_get_comments: the discussion's comments that fit, oldest first, each with author and dates. */
    public Map<String, Object> comments(Map<String, Object> arguments, JsonNode discussion) {
        boolean withAttachments = ToolArguments.of(arguments).flag("include_attachments", true);
        List<JsonNode> all = new ArrayList<>();
        discussion.path("comments").forEach(all::add);
        BudgetedList<Map<String, Object>> page = BudgetedList.of("smartsheet_get_comments", arguments, defaultMaxChars);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sheet_id", Long.toString(sheetId(arguments)));
        answer.put("discussion_id", discussion.path("id").asText());
        answer.put("title", discussion.path("title").asText(""));
        answer.put("parent_type", discussion.path("parentType").asText(""));
        answer.put("parent_id", discussion.path("parentId").asText(""));
        answer.put("total_count", all.size());
        answer.put("comments", List.of());
        page.frame(answer);
        for (JsonNode comment : page.remainder(all, node -> node.path("id").asText(), "comment")) {
            if (!page.offer(CollaborationViews.comment(comment, withAttachments))) break;
        }
        answer.put("comments", page.items());
        return page.finish(answer, view -> (String) view.get("id"));
    }

    public Map<String, Object> commentDeleted(Map<String, Object> arguments) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("sheet_id", Long.toString(sheetId(arguments)));
        answer.put("deleted_comment_id", Long.toString(ToolArguments.of(arguments).id("comment_id")));
        return answer;
    }

    /** The question before smartsheet_delete_comment runs: the comment's author and the start of its text (Get Comment). */
    public String deleteQuestion(Map<String, Object> arguments, JsonNode comment) {
        Map<String, Object> author = CollaborationViews.user(comment.path("createdBy"));
        String who = author.isEmpty() ? "an unnamed author" : author.containsKey("name") && author.containsKey("email")
                ? author.get("name") + " <" + author.get("email") + ">" : String.valueOf(author.values().iterator().next());
        String date = comment.hasNonNull("createdAt") ? ", " + comment.get("createdAt").asText() : "";
        return "Delete the comment by " + who + date + " on sheet " + sheetId(arguments) + ": \""
                + start(comment.path("text").asText("")) + "\"? This cannot be undone.";
    }

    /** The first words of a comment, on one line, cut with an ellipsis after 80 characters. */
    private static String start(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= QUOTED_CHARS) return line;
        return line.substring(0, line.offsetByCodePoints(0, QUOTED_CHARS)).stripTrailing() + "…";
    }

    private static void checkLength(String text, String argument) {
        int length = text.codePointCount(0, text.length());
        if (length > MAX_COMMENT_CHARS) {
            throw ToolException.invalidArgument(argument, "Smartsheet takes comments of at most " + MAX_COMMENT_CHARS
                    + " characters, this one has " + length);
        }
    }

    static String json(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body could not be written as JSON", e);
        }
    }
}
