package dev.smartsheetmcp.sandbox.smartsheet;

import com.sun.net.httpserver.HttpExchange;
import dev.smartsheetmcp.sandbox.EmulatorServer;
import dev.smartsheetmcp.sandbox.FaultInjector;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Smartsheet API 2.0 for sandbox mode, tests and benchmarks: bearer tokens,
 * the per-token rate limit, sheets, rows (with parents, discussions and attachments), columns,
 * workspaces, folders, sheet copies, sheet summaries, cross-sheet references, search, reports and
 * users, discussions and comments, attachments (files served at short-lived URLs below
 * {@value #FILES_PATH}), cell history, with Smartsheet's error codes and 64-bit ids above 2^53.
 * State lives in memory. Operations Smartsheet counts as several requests (attaching a file, cell
 * history: 10) weigh as much in the rate limit.
 *
 * <p>Per-operation counters count requests the API served (authenticated and within the
 * rate limit), whatever their outcome; injected faults never reach an operation.
 */
public final class SmartsheetEmulator extends EmulatorServer {

    private static final Logger LOG = LoggerFactory.getLogger(SmartsheetEmulator.class);
    private static final long ID_SEED = 0x5_3a4d_5eedL;
    /** Where attachment download URLs point: outside /2.0, no token needed, as Smartsheet's signed URLs. */
    static final String FILES_PATH = "/files/";
    /** Smartsheet's rate-limit window. */
    public static final Duration MINUTE = Duration.ofSeconds(60);

    /** The ids {@link #seedDemo()} created. */
    public record SeededDemo(long workspaceId, long sheetId) {
    }

    private final SheetStore store = new SheetStore(new IdSource(ID_SEED));
    private final Router router = new Router();
    private final RateLimitWindow rateLimit;
    /** Users draw on their own seeded ids, so adding them leaves the sheets' and workspaces' ids as they were. */
    private final UserDirectory users = new UserDirectory(new IdSource(ID_SEED + 1));
    private final Map<String, AtomicInteger> operations = new ConcurrentHashMap<>();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger weightedRequests = new AtomicInteger();
    private final AttachmentEndpoints attachments;

    public SmartsheetEmulator(FaultInjector faults, int requestsPerMinutePerToken) {
        this(faults, requestsPerMinutePerToken, MINUTE);
    }

    /** At most {@code requestsPerToken} requests per token in any {@code window} (Smartsheet's: a {@link #MINUTE}). */
    public SmartsheetEmulator(FaultInjector faults, int requestsPerToken, Duration window) {
        super("smartsheet", faults);
        this.rateLimit = new RateLimitWindow(requestsPerToken, window, System::nanoTime);
        CrossSheetReferenceEndpoints references = new CrossSheetReferenceEndpoints(store);
        references.registerOn(router);
        SheetEndpoints sheets = new SheetEndpoints(store, references);
        sheets.registerOn(router);
        new ColumnEndpoints(store).registerOn(router);
        new WorkspaceEndpoints(store, sheets).registerOn(router);
        new FolderEndpoints(store, sheets).registerOn(router);
        new SheetCopyEndpoints(store).registerOn(router);
        new SummaryEndpoints(store).registerOn(router);
        new SearchEndpoints(store).registerOn(router);
        new ReportEndpoints(store).registerOn(router);
        new UserEndpoints(users, store).registerOn(router);
        new DiscussionEndpoints(store).registerOn(router);
        attachments = new AttachmentEndpoints(store, this::origin);
        attachments.registerOn(router);
        new CellHistoryEndpoints(store).registerOn(router);
    }

    /** Accepts {@code Authorization: Bearer <token>}, a token of the account's owner (a system admin). */
    public SmartsheetEmulator addToken(String token) {
        users.giveToken(token, users.owner());
        return this;
    }

    /** Accepts {@code Authorization: Bearer <token>} as a token of the user with that email address. */
    public SmartsheetEmulator addToken(String token, String userEmail) {
        users.giveToken(token, users.byEmail(userEmail));
        return this;
    }

    /** Adds a user to the account (a licensed, active member); answers its id. */
    public long addUser(String firstName, String lastName, String email) {
        return users.add(firstName, lastName, email, false, true, false, "ACTIVE", null).id;
    }

    /** The id of the user with that email address. */
    public long userId(String email) {
        return users.byEmail(email).id;
    }

    /** The owner's id: the user of the tokens {@link #addToken(String)} accepts. */
    public long ownerUserId() {
        return users.owner().id;
    }

    /** The API base URL, such as {@code http://127.0.0.1:41234/2.0}. */
    public String baseUrl() {
        return origin() + "/2.0";
    }

    /** Creates the demo workspace and its "Customer Feedback" sheet (see {@link DemoSheet}). */
    public SeededDemo seedDemo() {
        long workspaceId = createWorkspace(DemoSheet.WORKSPACE);
        long sheetId = createSheet(workspaceId, DemoSheet.SHEET, DemoSheet.COLUMNS, DemoSheet.rows());
        return new SeededDemo(workspaceId, sheetId);
    }

    public long createWorkspace(String name) {
        return store.createWorkspace(name).id;
    }

    /** Seeds a folder in a folder, else at the top of a workspace, else (both null) in Home. */
    public long createFolder(Long parentFolderIdOrNull, Long workspaceIdOrNull, String name) {
        Folder parent = parentFolderIdOrNull == null ? null : store.folder(parentFolderIdOrNull);
        Workspace workspace = workspaceIdOrNull == null ? null : store.workspace(workspaceIdOrNull);
        return store.createFolder(name, parent, workspace).id;
    }

    /** Seeds an empty sheet in a folder. */
    public long createSheetInFolder(long folderId, String name, List<ColumnSpec> columns) {
        return store.createSheet(store.folder(folderId), name, columns).id;
    }

    /**
     * The token's user loses access to a sheet, folder or workspace: requests naming it answer
     * 403/1004, and listings and search leave it out.
     */
    public void denyAccess(long id) {
        store.deny(id);
    }

    /**
     * Seeds a sheet directly, outside the API and its rate limit. Row values are keyed by
     * column title: plain values, a list for a MULTI_PICKLIST, or {email, name} for a contact.
     */
    public long createSheet(Long workspaceIdOrNull, String name, List<ColumnSpec> columns,
                            List<Map<String, Object>> rowsByColumnTitle) {
        Workspace workspace = workspaceIdOrNull == null ? null : store.workspace(workspaceIdOrNull);
        Sheet sheet = store.createSheet(workspace, name, columns);
        synchronized (sheet) {
            for (Map<String, Object> values : rowsByColumnTitle) sheet.place(filledRow(sheet, values), sheet.rows.size());
        }
        return sheet.id;
    }

    /** Deletes a sheet as a person would: cross-sheet references to it break. */
    public void deleteSheet(long sheetId) {
        Sheet sheet = store.existing(sheetId);
        if (sheet == null) throw new IllegalArgumentException("no sheet " + sheetId);
        store.deleteSheet(sheet);
    }

    /** Deletes a column as a person would (never the primary column): references whose range it bounds break. */
    public void deleteColumn(long sheetId, String columnTitle) {
        Sheet sheet = store.sheet(sheetId);
        synchronized (sheet) {
            ColumnEdits.delete(sheet, sheet.columnTitled(columnTitle));
        }
    }

    /** The id of a sheet's column, by title. */
    public long columnId(long sheetId, String columnTitle) {
        Sheet sheet = store.sheet(sheetId);
        synchronized (sheet) {
            return sheet.columnTitled(columnTitle).id;
        }
    }

    /** Seeds a row report over {@code sheetIds}: their rows, in order, under the columns of these titles. */
    public long createReport(String name, List<Long> sheetIds, List<String> columnTitles) {
        return store.createReport(name, sheetIds.stream().map(store::sheet).toList(), columnTitles).id;
    }

    /** Adds rows at the top ({@code atTop}) or the bottom, as a person would; answers their ids. */
    public List<Long> addRows(long sheetId, boolean atTop, List<Map<String, Object>> rowsByColumnTitle) {
        Sheet sheet = store.sheet(sheetId);
        synchronized (sheet) {
            List<Long> added = new ArrayList<>();
            for (Map<String, Object> values : rowsByColumnTitle) {
                Row row = filledRow(sheet, values);
                sheet.place(row, atTop ? added.size() : sheet.rows.size());
                added.add(row.id);
            }
            sheet.touch();
            return added;
        }
    }

    /** Deletes rows as a person would. */
    public void deleteRows(long sheetId, List<Long> rowIds) {
        Sheet sheet = store.sheet(sheetId);
        synchronized (sheet) {
            rowIds.forEach(id -> sheet.remove(seededRow(sheet, id)));
            sheet.touch();
        }
    }

    /** Indents {@code childRowId} under {@code parentRowId} (the child is expected to follow its parent). */
    public void indent(long sheetId, long parentRowId, long childRowId) {
        Sheet sheet = store.sheet(sheetId);
        synchronized (sheet) {
            seededRow(sheet, parentRowId);
            seededRow(sheet, childRowId).parentId = parentRowId;
        }
    }

    /** A discussion on a row, with one comment; answers the discussion's id. */
    public long addRowDiscussion(long sheetId, long rowId, String comment) {
        Sheet sheet = store.sheet(sheetId);
        synchronized (sheet) {
            seededRow(sheet, rowId);
            Discussion discussion = new Discussion(store.ids.next(), "ROW", rowId, RowDetails.SANDBOX_USER);
            discussion.comments.add(new Comment(store.ids.next(), discussion.id, comment, RowDetails.SANDBOX_USER, Sheet.now()));
            sheet.discussions.add(discussion);
            return discussion.id;
        }
    }

    /** A file of {@code sizeInKb} zero-filled kilobytes attached to a row; answers its id. */
    public long addRowAttachment(long sheetId, long rowId, String fileName, String mimeType, long sizeInKb) {
        Sheet sheet = store.sheet(sheetId);
        synchronized (sheet) {
            seededRow(sheet, rowId);
            Attachment attachment = new Attachment(store.ids.next(), fileName, "FILE", mimeType, "ROW", rowId,
                    new byte[(int) (sizeInKb * 1024)], null, RowDetails.SANDBOX_USER);
            sheet.attachments.add(attachment);
            return attachment.id;
        }
    }

    /** The bytes of a file attachment as stored, for byte-for-byte checks. */
    public byte[] attachmentBytes(long sheetId, long attachmentId) {
        Sheet sheet = store.sheet(sheetId);
        synchronized (sheet) {
            for (Attachment attachment : sheet.attachments) {
                if (attachment.id == attachmentId) return attachment.bytes == null ? null : attachment.bytes.clone();
            }
            throw new IllegalArgumentException("sheet " + sheetId + " has no attachment " + attachmentId);
        }
    }

    /** The sheet's permalink, as List Sheets and Get Sheet answer it. */
    public String permalink(long sheetId) {
        return store.sheet(sheetId).permalink();
    }

    /** Served requests of one operation, such as {@code "PUT /sheets/{sheetId}/rows"}. */
    public int requestCount(String operation) {
        AtomicInteger count = operations.get(operation);
        return count == null ? 0 : count.get();
    }

    /**
     * Requests served as the rate limit counts them: an operation Smartsheet counts as several
     * requests (attaching a file, cell history: 10) adds that many.
     */
    public int weightedRequestCount() {
        return weightedRequests.get();
    }

    /** 429 answers given, for the real limit and injected ones alike. */
    public int rateLimitedCount() {
        return rateLimited.get();
    }

    public Object cellValue(long sheetId, long rowId, String columnTitle) {
        Sheet sheet = store.sheet(sheetId);
        synchronized (sheet) {
            Column column = sheet.columnTitled(columnTitle);
            Row row = seededRow(sheet, rowId);
            if (column.isSystem()) return SystemColumns.valueOf(column.systemColumnType, row);
            Cell cell = row.existingCell(column.id);
            return cell == null ? null : cell.value;
        }
    }

    /** How many API calls wrote this cell, for "written exactly once" checks. */
    public int cellWriteCount(long sheetId, long rowId, String columnTitle) {
        Sheet sheet = store.sheet(sheetId);
        synchronized (sheet) {
            Cell cell = seededRow(sheet, rowId).existingCell(sheet.columnTitled(columnTitle).id);
            return cell == null ? 0 : cell.apiWrites;
        }
    }

    /** A person's edit in the Smartsheet UI: changes the sheet version, counts as no API write. */
    public void editCellAsPerson(long sheetId, long rowId, String columnTitle, Object value) {
        Sheet sheet = store.sheet(sheetId);
        synchronized (sheet) {
            Column column = editableColumn(sheet, columnTitle);
            Row row = seededRow(sheet, rowId);
            Cell cell = row.cell(column.id);
            CellWrite.fromPerson(column, value).applyTo(cell);
            sheet.touch();
            row.modifiedAt = sheet.modifiedAt;
            cell.recordVersion(column.id, sheet.modifiedAt, RowDetails.SANDBOX_USER);
        }
    }

    /** People rewrite the text of {@code fraction} of the rows in a column; answers their ids in sheet order. */
    public List<Long> changeText(long sheetId, String columnTitle, double fraction, long seed) {
        Sheet sheet = store.sheet(sheetId);
        synchronized (sheet) {
            Column column = editableColumn(sheet, columnTitle);
            List<Row> chosen = new ArrayList<>(sheet.rows);
            Random random = new Random(seed);
            Collections.shuffle(chosen, random);
            chosen = new ArrayList<>(chosen.subList(0, (int) Math.round(fraction * chosen.size())));
            chosen.sort(Comparator.comparingInt(sheet.rows::indexOf));
            FeedbackText text = new FeedbackText(random.nextLong());
            for (Row row : chosen) {
                Cell cell = row.cell(column.id);
                String previous = cell.value == null ? "" : String.valueOf(cell.value);
                CellWrite.fromPerson(column, text.rewrite(previous)).applyTo(cell);
                cell.recordVersion(column.id, Sheet.now(), RowDetails.SANDBOX_USER);
            }
            if (!chosen.isEmpty()) sheet.touch();
            chosen.forEach(row -> row.modifiedAt = sheet.modifiedAt);
            return chosen.stream().map(row -> row.id).toList();
        }
    }

    public List<Long> rowIds(long sheetId) {
        Sheet sheet = store.sheet(sheetId);
        synchronized (sheet) {
            return sheet.rows.stream().map(row -> row.id).toList();
        }
    }

    /** Zeroes the operation, 429 and cell-write counters. */
    public void resetCounters() {
        operations.clear();
        rateLimited.set(0);
        weightedRequests.set(0);
        for (Sheet sheet : store.sheets()) {
            synchronized (sheet) {
                for (Row row : sheet.rows) {
                    for (Column column : sheet.columns) {
                        Cell cell = row.existingCell(column.id);
                        if (cell != null) cell.apiWrites = 0;
                    }
                }
            }
        }
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith(FILES_PATH) && "GET".equals(exchange.getRequestMethod())) {
            serveFile(exchange, path.substring(FILES_PATH.length()));
            return;
        }
        Router.Reply reply;
        try {
            reply = answer(exchange);
        } catch (ApiError error) {
            reply = new Router.Reply(error.status, error.body());
        } catch (RuntimeException unexpected) {
            LOG.warn("Smartsheet emulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), unexpected);
            ApiError error = ApiError.serverError();
            reply = new Router.Reply(error.status, error.body());
        }
        sendJson(exchange, reply.status(), reply.body(), Map.of());
    }

    @Override
    protected void serveInjectedFault(HttpExchange exchange, FaultInjector.Fault fault) throws IOException {
        ApiError error;
        if (fault == FaultInjector.Fault.RATE_LIMIT) {
            rateLimited.incrementAndGet();
            error = ApiError.rateLimited();
        } else {
            double roll = faults().nextDouble();
            error = roll < 0.5 ? ApiError.serverError() : roll < 0.8 ? ApiError.retryableServerError() : ApiError.maintenance();
        }
        sendJson(exchange, error.status, error.body(), Map.of());
    }

    /** A download URL: the file's bytes while the URL lives, else S3-style 403 (no token involved). */
    private void serveFile(HttpExchange exchange, String token) throws IOException {
        AttachmentEndpoints.Download download = attachments.download(token);
        if (download == null) {
            sendRaw(exchange, 403, "{\"message\":\"Request has expired or is not valid\"}", Map.of());
            return;
        }
        sendBytes(exchange, 200, download.bytes(), download.mimeType());
    }

    private Router.Reply answer(HttpExchange exchange) throws IOException {
        String token = bearerToken(exchange.getRequestHeaders().getFirst("Authorization"));
        User caller = users.ofToken(token);
        String path = exchange.getRequestURI().getRawPath();
        Router.Match match = null;
        ApiError unrouted = null;
        try {
            if (!path.startsWith("/2.0/")) throw ApiError.notFound();
            match = router.match(exchange.getRequestMethod(), path.substring("/2.0".length()));
        } catch (ApiError error) {
            unrouted = error;
        }
        int weight = match == null ? 1 : match.route().weight();
        if (!rateLimit.tryAcquire(token, weight)) {
            rateLimited.incrementAndGet();
            throw ApiError.rateLimited();
        }
        weightedRequests.addAndGet(weight);
        if (unrouted != null) throw unrouted;
        operations.computeIfAbsent(match.route().operation(), key -> new AtomicInteger()).incrementAndGet();
        ApiRequest request = new ApiRequest(match.pathVariables(), exchange.getRequestURI().getRawQuery(), readBody(exchange),
                caller, headers(exchange));
        return match.route().handler().handle(request);
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0));
        });
        return headers;
    }

    private String bearerToken(String authorization) {
        if (authorization == null || authorization.isBlank()) throw ApiError.tokenRequired();
        String prefix = "Bearer ";
        if (!authorization.regionMatches(true, 0, prefix, 0, prefix.length())) throw ApiError.invalidToken();
        String token = authorization.substring(prefix.length()).trim();
        if (users.ofToken(token) == null) throw ApiError.invalidToken();
        return token;
    }

    /** A new row holding values keyed by column title, as a person typed them. */
    private Row filledRow(Sheet sheet, Map<String, Object> values) {
        Row row = sheet.newRow(store.ids.next());
        values.forEach((title, value) -> {
            Column column = editableColumn(sheet, title);
            Cell cell = row.cell(column.id);
            CellWrite.fromPerson(column, value).applyTo(cell);
            cell.recordVersion(column.id, row.createdAt, RowDetails.SANDBOX_USER);
        });
        return row;
    }

    /** A column people can type into: not a system column, not a column formula. */
    private static Column editableColumn(Sheet sheet, String title) {
        Column column = sheet.columnTitled(title);
        if (column.isSystem() || column.formula != null) {
            throw new IllegalArgumentException("column '" + title + "' is computed and cannot be edited");
        }
        return column;
    }

    private static Row seededRow(Sheet sheet, long rowId) {
        Row row = sheet.row(rowId);
        if (row == null) throw new IllegalArgumentException("sheet " + sheet.id + " has no row " + rowId);
        return row;
    }
}
