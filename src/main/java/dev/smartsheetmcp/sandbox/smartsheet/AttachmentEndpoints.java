package dev.smartsheetmcp.sandbox.smartsheet;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Attachments: attach a file (simple upload: the body is the file, named by Content-Disposition;
 * or multipart/form-data with a part named "file") or a URL (JSON) to a sheet, a row or a comment;
 * list a sheet's, a row's or a discussion's attachments; Get Attachment, whose file URL is
 * short-lived and needs no token (as Smartsheet's signed storage URLs); Delete Attachment.
 * Attaching counts as 10 requests against the rate limit; files are at most 30 MB.
 */
final class AttachmentEndpoints {

    /** Smartsheet's limit for a file uploaded through the API ("limited to 30mb"). */
    static final long MAX_FILE_BYTES = 30L * 1024 * 1024;
    /** Smartsheet counts attaching a file as 10 requests. */
    static final int ATTACH_WEIGHT = 10;
    /** How long a download URL stays valid. */
    static final long URL_LIFETIME_MILLIS = 120_000;
    private static final Set<String> LINK_TYPES = Set.of("LINK", "BOX_COM", "DROPBOX", "EGNYTE", "EVERNOTE",
            "GOOGLE_DRIVE", "ONEDRIVE", "TRELLO");

    /** A download URL's file: its bytes and type, until it expires. */
    record Download(byte[] bytes, String mimeType, long expiresAtMillis) {
    }

    private final SheetStore store;
    private final Supplier<String> origin;
    private final Map<String, Download> downloads = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    AttachmentEndpoints(SheetStore store, Supplier<String> origin) {
        this.store = store;
        this.origin = origin;
    }

    void registerOn(Router router) {
        router.add("GET", "/sheets/{sheetId}/attachments", this::listOnSheet)
                .add("POST", "/sheets/{sheetId}/attachments", ATTACH_WEIGHT, request -> attach(request, "SHEET"))
                .add("GET", "/sheets/{sheetId}/attachments/{attachmentId}", this::get)
                .add("DELETE", "/sheets/{sheetId}/attachments/{attachmentId}", this::delete)
                .add("GET", "/sheets/{sheetId}/rows/{rowId}/attachments", this::listOnRow)
                .add("POST", "/sheets/{sheetId}/rows/{rowId}/attachments", ATTACH_WEIGHT, request -> attach(request, "ROW"))
                .add("POST", "/sheets/{sheetId}/comments/{commentId}/attachments", ATTACH_WEIGHT, request -> attach(request, "COMMENT"))
                .add("GET", "/sheets/{sheetId}/discussions/{discussionId}/attachments", this::listOnDiscussion);
    }

    /** The file behind a download URL's token, or null when unknown or expired. */
    Download download(String token) {
        Download download = downloads.get(token);
        if (download == null) return null;
        if (download.expiresAtMillis() < System.currentTimeMillis()) {
            downloads.remove(token);
            return null;
        }
        return download;
    }

    private Router.Reply listOnSheet(ApiRequest request) {
        Sheet sheet = sheet(request);
        synchronized (sheet) {
            return Router.Reply.ok(Paging.indexResult(views(sheet.attachments), request));
        }
    }

    private Router.Reply listOnRow(ApiRequest request) {
        Sheet sheet = sheet(request);
        synchronized (sheet) {
            long rowId = sheet.requireRow(request.pathId("rowId")).id;
            return Router.Reply.ok(Paging.indexResult(RowDetails.attachments(sheet, rowId), request));
        }
    }

    private Router.Reply listOnDiscussion(ApiRequest request) {
        Sheet sheet = sheet(request);
        synchronized (sheet) {
            long discussionId = request.pathId("discussionId");
            Discussion discussion = sheet.discussions.stream().filter(d -> d.id == discussionId).findFirst()
                    .orElseThrow(ApiError::notFound);
            List<Attachment> found = new ArrayList<>();
            for (Attachment attachment : sheet.attachments) {
                if ("COMMENT".equals(attachment.parentType)
                        && discussion.comments.stream().anyMatch(comment -> comment.id == attachment.parentId)) {
                    found.add(attachment);
                }
            }
            return Router.Reply.ok(Paging.indexResult(views(found), request));
        }
    }

    private Router.Reply attach(ApiRequest request, String parentType) {
        Sheet sheet = sheet(request);
        Upload upload = upload(request);
        synchronized (sheet) {
            long parentId = switch (parentType) {
                case "ROW" -> sheet.requireRow(request.pathId("rowId")).id;
                case "COMMENT" -> DiscussionEndpoints.comment(sheet, request.pathId("commentId")).id;
                default -> sheet.id;
            };
            Attachment attachment = new Attachment(store.ids.next(), upload.name(), upload.type(), upload.mimeType(),
                    parentType, parentId, upload.bytes(), upload.url(), RowDetails.miniUser(request.caller()));
            sheet.attachments.add(attachment);
            sheet.touch();
            return Router.Reply.ok(Results.success(RowDetails.attachment(attachment, null), sheet.version));
        }
    }

    private Router.Reply get(ApiRequest request) {
        Sheet sheet = sheet(request);
        synchronized (sheet) {
            Attachment attachment = attachment(sheet, request.pathId("attachmentId"));
            String url = null;
            if (attachment.isFile()) {
                String token = HexFormat.of().formatHex(randomBytes());
                downloads.put(token, new Download(attachment.bytes, attachment.mimeType,
                        System.currentTimeMillis() + URL_LIFETIME_MILLIS));
                url = origin.get() + SmartsheetEmulator.FILES_PATH + token;
            }
            return Router.Reply.ok(RowDetails.attachment(attachment, url));
        }
    }

    private Router.Reply delete(ApiRequest request) {
        Sheet sheet = sheet(request);
        synchronized (sheet) {
            sheet.attachments.remove(attachment(sheet, request.pathId("attachmentId")));
            sheet.touch();
            return Router.Reply.ok(Results.success(null, null));
        }
    }

    /** What an attach request carries: a file (bytes, name, type) or a link (url, name, type). */
    record Upload(String name, String type, String mimeType, byte[] bytes, String url) {
    }

    private static Upload upload(ApiRequest request) {
        String contentType = request.header("content-type");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
        if (mediaType.equals("application/json")) return link(request.body());
        if (mediaType.equals("multipart/form-data")) {
            Multipart.Part file = Multipart.parse(request.rawBody(), contentType).stream()
                    .filter(part -> "file".equals(part.name())).findFirst()
                    .orElseThrow(() -> ApiError.missingAttribute("file"));
            return file(file.fileName(), file.contentType(), file.content());
        }
        String disposition = request.header("content-disposition");
        String fileName = disposition == null ? null : Multipart.parameter(disposition, "filename");
        if (fileName == null) throw ApiError.missingParameter("Content-Disposition");
        return file(URLDecoder.decode(fileName, StandardCharsets.UTF_8), contentType, request.rawBody());
    }

    private static Upload file(String fileName, String contentType, byte[] bytes) {
        if (fileName == null || fileName.isBlank()) throw ApiError.missingAttribute("filename");
        if (bytes.length > MAX_FILE_BYTES) throw ApiError.fileTooLarge(MAX_FILE_BYTES);
        String mimeType = contentType == null || contentType.isBlank() || contentType.startsWith("application/octet-stream")
                ? URLConnection.guessContentTypeFromName(fileName) : contentType;
        return new Upload(fileName, "FILE", mimeType == null ? "application/octet-stream" : mimeType, bytes, null);
    }

    private static Upload link(JsonNode body) {
        String url = body.path("url").asText("");
        if (url.isBlank()) throw ApiError.missingAttribute("url");
        if (!url.startsWith("http://") && !url.startsWith("https://")) throw ApiError.invalidAttribute(url, "url");
        String type = body.path("attachmentType").asText("LINK");
        if (!LINK_TYPES.contains(type)) throw ApiError.invalidAttribute(type, "attachmentType");
        String name = body.path("name").asText(url);
        return new Upload(name.isBlank() ? url : name, type, null, null, url);
    }

    private static List<Map<String, Object>> views(List<Attachment> attachments) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Attachment attachment : attachments) views.add(RowDetails.attachment(attachment, null));
        return views;
    }

    private static Attachment attachment(Sheet sheet, long attachmentId) {
        for (Attachment attachment : sheet.attachments) if (attachment.id == attachmentId) return attachment;
        throw ApiError.notFound();
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }

    private Sheet sheet(ApiRequest request) {
        return store.sheet(request.pathId("sheetId"));
    }
}
