package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** All workspaces and sheets, in creation order, with the id source they draw from. */
final class SheetStore {

    final IdSource ids;
    private final Map<Long, Sheet> sheets = new ConcurrentHashMap<>();
    private final List<Sheet> sheetOrder = new CopyOnWriteArrayList<>();
    private final Map<Long, Workspace> workspaces = new ConcurrentHashMap<>();
    private final List<Workspace> workspaceOrder = new CopyOnWriteArrayList<>();
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
        if (workspace != null) workspace.sheets.add(sheet);
        return sheet;
    }

    Sheet sheet(long sheetId) {
        Sheet sheet = sheets.get(sheetId);
        if (sheet == null) throw ApiError.notFound();
        if (sheet.accessDenied) throw ApiError.notAuthorized();
        return sheet;
    }

    Workspace workspace(long workspaceId) {
        Workspace workspace = workspaces.get(workspaceId);
        if (workspace == null) throw ApiError.notFound();
        return workspace;
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
