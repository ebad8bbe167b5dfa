package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * All workspaces, folders and sheets, in creation order, with the id source they draw from.
 * Objects shared with the token's user can be withdrawn ({@link #deny}): they then answer 403/1004.
 */
final class SheetStore {

    final IdSource ids;
    private final Map<Long, Sheet> sheets = new ConcurrentHashMap<>();
    private final List<Sheet> sheetOrder = new CopyOnWriteArrayList<>();
    private final Map<Long, Workspace> workspaces = new ConcurrentHashMap<>();
    private final List<Workspace> workspaceOrder = new CopyOnWriteArrayList<>();
    private final Map<Long, Folder> folders = new ConcurrentHashMap<>();
    private final List<Folder> folderOrder = new CopyOnWriteArrayList<>();
    private final List<Folder> homeFolders = new CopyOnWriteArrayList<>();
    private final Set<Long> denied = ConcurrentHashMap.newKeySet();
    private final Map<Long, Report> reports = new ConcurrentHashMap<>();
    private final List<Report> reportOrder = new CopyOnWriteArrayList<>();

    SheetStore(IdSource ids) {
        this.ids = ids;
    }

    Workspace createWorkspace(String name) {
        Workspace workspace = new Workspace(ids.next(), name);
        workspaces.put(workspace.id, workspace);
        workspaceOrder.add(workspace);
        return workspace;
    }

    /** Creates an empty sheet after the checks Smartsheet makes on a new sheet's columns. */
    Sheet createSheet(Workspace workspace, String name, List<ColumnSpec> columns) {
        Sheet sheet = newSheet(workspace, name, columns);
        if (workspace != null) workspace.sheets.add(sheet);
        return sheet;
    }

    /** Creates an empty sheet in a folder, with the same checks. */
    Sheet createSheet(Folder folder, String name, List<ColumnSpec> columns) {
        Sheet sheet = newSheet(folder.workspace, name, columns);
        sheet.folder = folder;
        folder.sheets.add(sheet);
        return sheet;
    }

    private Sheet newSheet(Workspace workspace, String name, List<ColumnSpec> columns) {
        if (name == null || name.isBlank()) throw ApiError.missingAttribute("name");
        if (columns.isEmpty()) throw ApiError.needsColumns();
        if (columns.stream().filter(ColumnSpec::primary).count() != 1) throw ApiError.onePrimary();
        Set<String> titles = new HashSet<>();
        Set<String> systemTypes = new HashSet<>();
        for (ColumnSpec spec : columns) {
            ColumnEdits.check(spec);
            if (spec.primary() && !"TEXT_NUMBER".equals(spec.type())) throw ApiError.primaryNotText();
            if (!titles.add(spec.title())) throw ApiError.titlesNotUnique();
            if (spec.systemColumnType() != null && !systemTypes.add(spec.systemColumnType())) {
                throw ApiError.duplicateSystemColumn(spec.systemColumnType());
            }
        }
        Sheet sheet = new Sheet(ids.next(), name, workspace);
        for (ColumnSpec spec : columns) sheet.columns.add(new Column(ids.next(), spec));
        sheets.put(sheet.id, sheet);
        sheetOrder.add(sheet);
        return sheet;
    }

    /** A folder in {@code parent}, or at the top of {@code workspace}, or in Home when both are null. */
    Folder createFolder(String name, Folder parent, Workspace workspace) {
        if (name == null || name.isBlank()) throw ApiError.missingAttribute("name");
        Workspace root = parent != null ? parent.workspace : workspace;
        Folder folder = new Folder(ids.next(), name, root);
        folders.put(folder.id, folder);
        folderOrder.add(folder);
        if (parent != null) parent.folders.add(folder);
        else if (workspace != null) workspace.folders.add(folder);
        else homeFolders.add(folder);
        return folder;
    }

    /** The user loses access to a sheet, folder or workspace: requests naming it answer 403/1004. */
    void deny(long id) {
        denied.add(id);
    }

    Sheet sheet(long sheetId) {
        Sheet sheet = sheets.get(sheetId);
        if (sheet == null) throw ApiError.notFound();
        checkAccess(sheetId);
        return sheet;
    }

    /** The sheet, whoever may open it; null when there is none (never was, or was deleted). */
    Sheet existing(long sheetId) {
        return sheets.get(sheetId);
    }

    /** Deletes a sheet: gone from lists, its workspace and its folder; references to it break. */
    void deleteSheet(Sheet sheet) {
        sheets.remove(sheet.id);
        sheetOrder.remove(sheet);
        if (sheet.workspace != null) sheet.workspace.sheets.remove(sheet);
        if (sheet.folder != null) sheet.folder.sheets.remove(sheet);
    }

    Workspace workspace(long workspaceId) {
        Workspace workspace = workspaces.get(workspaceId);
        if (workspace == null) throw ApiError.notFound();
        checkAccess(workspaceId);
        return workspace;
    }

    Folder folder(long folderId) {
        Folder folder = folders.get(folderId);
        if (folder == null) throw ApiError.notFound();
        checkAccess(folderId);
        return folder;
    }

    boolean accessible(long id) {
        return !denied.contains(id);
    }

    private void checkAccess(long id) {
        if (denied.contains(id)) throw ApiError.notAuthorized();
    }

    List<Folder> folders() {
        return folderOrder;
    }

    List<Folder> homeFolders() {
        return homeFolders;
    }

    Report createReport(String name, List<Sheet> sources, List<String> titles) {
        Map<String, Long> virtualIds = new java.util.LinkedHashMap<>();
        virtualIds.put(Report.SHEET_NAME, ids.next());
        for (String title : titles) virtualIds.put(title, ids.next());
        Report report = new Report(ids.next(), name, sources, titles, virtualIds);
        reports.put(report.id, report);
        reportOrder.add(report);
        return report;
    }

    Report report(long reportId) {
        Report report = reports.get(reportId);
        if (report == null) throw ApiError.notFound();
        return report;
    }

    List<Report> reports() {
        return reportOrder;
    }

    List<Sheet> sheets() {
        return sheetOrder;
    }

    List<Workspace> workspaces() {
        return workspaceOrder;
    }
}
