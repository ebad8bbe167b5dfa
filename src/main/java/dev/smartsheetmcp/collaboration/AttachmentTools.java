package dev.smartsheetmcp.collaboration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.entity.mime.ByteArrayBody;
import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/**
 * The attachment tools. Uploads are multipart requests whose file part streams from the
 * attachments directory (no whole-file buffering) or holds the decoded {@code content_base64}
 * (at most the inline cap); a link is JSON. Downloads stream into a new file inside the
 * attachments directory, or, without {@code save_path}, answer the short-lived URL and, for a
 * file within the inline cap, its content in base64.
 */
public final class AttachmentTools {

    /** Smartsheet's limit for a file uploaded through the API ("limited to 30mb"). */
    static final long MAX_UPLOAD_BYTES = 30L * 1024 * 1024;

    private final AttachmentFolder folder;
    private final int inlineMaxBytes;
    private int defaultMaxChars = 20_000;

    public AttachmentTools(AttachmentFolder folder, int inlineMaxBytes) {
        this.folder = folder;
        this.inlineMaxBytes = inlineMaxBytes;
    }

    public void setDefaultMaxChars(int defaultMaxChars) {
        this.defaultMaxChars = defaultMaxChars;
    }

    /** Below the sheet: where smartsheet_upload_attachment attaches (the sheet, a row, a comment). */
    public String uploadPath(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        String type = args.text("attachment_type");
        return switch (type) {
            case "sheet" -> "/attachments";
            case "row" -> "/rows/" + target(args, "the row's id") + "/attachments";
            case "comment" -> "/comments/" + target(args, "the comment's id") + "/attachments";
            default -> throw ToolException.invalidArgument("attachment_type", "must be 'sheet', 'row' or 'comment', got '" + type + "'");
        };
    }

    /** Below the sheet: where smartsheet_get_attachments lists (every attachment of the sheet, or of a row). */
    public String listPath(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        String type = args.text("attachment_type");
        return switch (type) {
            case "sheet" -> "/attachments";
            case "row" -> "/rows/" + target(args, "the row's id") + "/attachments";
            default -> throw ToolException.invalidArgument("attachment_type", "must be 'sheet' or 'row', got '" + type + "'");
        };
    }

    public String attachmentPath(Map<String, Object> arguments) {
        return "/attachments/" + ToolArguments.of(arguments).id("attachment_id");
    }

    /**
     * The upload's body: exactly one of file_path (a file in the attachments directory),
     * content_base64 (with file_name) or url (a link, with name).
     */
    public Object uploadBody(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        int given = (args.has("file_path") ? 1 : 0) + (args.has("content_base64") ? 1 : 0) + (args.has("url") ? 1 : 0);
        if (given != 1) {
            throw ToolException.invalidArgument("file_path", "give exactly one of file_path (a file in the attachments directory "
                    + folder.root() + "), content_base64 (with file_name) or url (a link)");
        }
        if (args.has("url")) return link(args);
        if (args.has("content_base64")) return inline(args);
        Path file = folder.fileToRead("file_path", args.text("file_path"));
        long size = size(file);
        if (size > MAX_UPLOAD_BYTES) {
            throw ToolException.invalidArgument("file_path", "the file has " + size + " bytes; Smartsheet takes files of at most "
                    + MAX_UPLOAD_BYTES + " bytes (30 MB)");
        }
        String name = args.optionalText("file_name").map(String::strip).filter(n -> !n.isEmpty())
                .orElse(file.getFileName().toString());
        return multipart(new FileBody(file.toFile(), contentType(name), name));
    }

    private HttpEntity inline(ToolArguments args) {
        String name = args.optionalText("file_name").map(String::strip).filter(n -> !n.isEmpty())
                .orElseThrow(() -> ToolException.invalidArgument("file_name", "is required with content_base64"));
        String encoded = args.text("content_base64");
        // 4 characters of base64 hold 3 bytes: refuse an oversized argument before decoding it
        if ((long) encoded.length() / 4 * 3 > inlineMaxBytes + 3L) throw overCap(encoded.length() / 4L * 3);
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw ToolException.invalidArgument("content_base64", "is not valid base64");
        }
        if (bytes.length > inlineMaxBytes) throw overCap(bytes.length);
        return multipart(new ByteArrayBody(bytes, contentType(name), name));
    }

    private ToolException overCap(long bytes) {
        return ToolException.invalidArgument("content_base64", "holds about " + bytes + " bytes; content_base64 takes at most "
                + inlineMaxBytes + " bytes (attachments.inline-max-bytes): put larger files in the attachments directory ("
                + folder.root() + ") and give file_path");
    }

    private static String link(ToolArguments args) {
        String url = args.text("url").strip();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ToolException.invalidArgument("url", "is not a valid URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw ToolException.invalidArgument("url", "must be an http or https address");
        }
        String name = args.optionalText("name").or(() -> args.optionalText("file_name")).map(String::strip)
                .filter(n -> !n.isEmpty()).orElse(url);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("attachmentType", "LINK");
        body.put("url", url);
        body.put("name", name);
        return DiscussionTools.json(body);
    }

    private static HttpEntity multipart(org.apache.hc.client5.http.entity.mime.ContentBody file) {
        return MultipartEntityBuilder.create().setMode(HttpMultipartMode.EXTENDED).addPart("file", file).build();
    }

    private static ContentType contentType(String name) {
        String guessed = URLConnection.guessContentTypeFromName(name);
        return guessed == null ? ContentType.APPLICATION_OCTET_STREAM : ContentType.create(guessed);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String target(ToolArguments args, String what) {
        return Long.toString(args.optionalId("target_id").orElseThrow(() -> ToolException.invalidArgument("target_id",
                "is required for this attachment_type: " + what)));
    }

    public Map<String, Object> uploaded(Map<String, Object> arguments, JsonNode result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("sheet_id", Long.toString(ToolArguments.of(arguments).id("sheet_id")));
        answer.put("attachment", CollaborationViews.attachment(result.path("result")));
        return answer;
    }

    /** smartsheet_get_attachments: the attachments that fit, with a cursor after the last. */
    public Map<String, Object> attachments(Map<String, Object> arguments, JsonNode indexResult) {
        ToolArguments args = ToolArguments.of(arguments);
        List<JsonNode> all = new java.util.ArrayList<>();
        indexResult.path("data").forEach(all::add);
        var page = dev.smartsheetmcp.toolkit.BudgetedList.<Map<String, Object>>of("smartsheet_get_attachments", arguments,
                defaultMaxChars);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sheet_id", Long.toString(args.id("sheet_id")));
        answer.put("attachment_type", args.text("attachment_type"));
        args.optionalId("target_id").ifPresent(id -> answer.put("target_id", Long.toString(id)));
        answer.put("total_count", all.size());
        answer.put("attachments", List.of());
        page.frame(answer);
        for (JsonNode attachment : page.remainder(all, node -> node.path("id").asText(), "attachment")) {
            if (!page.offer(CollaborationViews.attachment(attachment))) break;
        }
        answer.put("attachments", page.items());
        return page.finish(answer, view -> (String) view.get("id"));
    }

    /** True when the file itself is to be fetched: a file saved to save_path, or one within the inline cap. */
    public boolean fetchesContent(Map<String, Object> arguments, JsonNode attachment) {
        if (!"FILE".equals(attachment.path("attachmentType").asText()) || !attachment.hasNonNull("url")) return false;
        return ToolArguments.of(arguments).has("save_path") || attachment.path("sizeInKb").asLong(0) * 1024 <= inlineMaxBytes;
    }

    /** The download URL, checked to be a web address (it came from Smartsheet, never from the caller). */
    public String downloadUrl(JsonNode attachment) {
        String url = attachment.path("url").asText();
        String scheme = URI.create(url).getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new ToolException("Smartsheet answered a download URL that is not a web address");
        }
        return url;
    }

    /** smartsheet_download_attachment: the file saved, or its content inline, or (a link, a large file) the URL. */
    public Map<String, Object> downloaded(Map<String, Object> arguments, JsonNode attachment, InputStream content) {
        ToolArguments args = ToolArguments.of(arguments);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sheet_id", Long.toString(args.id("sheet_id")));
        answer.put("attachment", CollaborationViews.attachment(attachment));
        boolean file = "FILE".equals(attachment.path("attachmentType").asText());
        if (file) {
            answer.put("url", attachment.path("url").asText(null));
            if (attachment.hasNonNull("urlExpiresInMillis")) answer.put("url_expires_in_ms", attachment.get("urlExpiresInMillis").asLong());
        }
        if (content == null) {
            if (file) answer.put("note", "the file is larger than the inline cap (" + inlineMaxBytes
                    + " bytes): fetch the URL before it expires, or give save_path");
            return answer;
        }
        if (args.has("save_path")) {
            AttachmentFolder.Saved saved = folder.save("save_path", args.text("save_path"), content);
            answer.put("saved_to", folder.root().relativize(saved.path()).toString());
            answer.put("bytes", saved.bytes());
            return answer;
        }
        try {
            byte[] bytes = content.readNBytes(inlineMaxBytes + 1);
            if (bytes.length > inlineMaxBytes) {
                answer.put("note", "the file is larger than the inline cap (" + inlineMaxBytes + " bytes): give save_path");
                return answer;
            }
            answer.put("bytes", bytes.length);
            answer.put("content_base64", Base64.getEncoder().encodeToString(bytes));
            return answer;
        } catch (IOException e) {
            throw new ToolException("the download from Smartsheet's file storage broke off: " + e.getClass().getSimpleName());
        }
    }

    /** The question before smartsheet_delete_attachment runs: the attachment's name and what it is attached to (Get Attachment). */
    public String deleteQuestion(Map<String, Object> arguments, JsonNode attachment) {
        long sheetId = ToolArguments.of(arguments).id("sheet_id");
        String type = attachment.path("attachmentType").asText("");
        String what = "FILE".equals(type) ? (attachment.hasNonNull("sizeInKb") ? "file, " + attachment.get("sizeInKb").asLong() + " KB" : "file")
                : "LINK".equals(type) ? "link to " + attachment.path("url").asText("") : type.toLowerCase();
        String parentType = attachment.path("parentType").asText("");
        String parentId = attachment.path("parentId").asText("");
        String parent = switch (parentType) {
            case "SHEET" -> "sheet " + sheetId;
            case "ROW" -> "row " + parentId + " of sheet " + sheetId;
            case "COMMENT" -> "comment " + parentId + " of sheet " + sheetId;
            default -> (parentType.isEmpty() ? "" : parentType.toLowerCase() + " " + parentId + " of ") + "sheet " + sheetId;
        };
        return "Delete the attachment '" + attachment.path("name").asText("") + "' (" + what + ") attached to " + parent
                + "? This cannot be undone.";
    }

    public Map<String, Object> deleted(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("sheet_id", Long.toString(args.id("sheet_id")));
        answer.put("deleted_attachment_id", Long.toString(args.id("attachment_id")));
        return answer;
    }
}
