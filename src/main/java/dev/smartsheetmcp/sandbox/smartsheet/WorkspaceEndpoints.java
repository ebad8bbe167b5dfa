package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** List, create and read workspaces, and create sheets in them. */
final class WorkspaceEndpoints {

    private final SheetStore store;
    private final SheetEndpoints sheets;

    WorkspaceEndpoints(SheetStore store, SheetEndpoints sheets) {
        this.store = store;
        this.sheets = sheets;
    }

    void registerOn(Router router) {
        router.add("GET", "/workspaces", this::list)
                .add("POST", "/workspaces", this::create)
                .add("GET", "/workspaces/{workspaceId}", this::get)
                .add("POST", "/workspaces/{workspaceId}/sheets",
                        request -> sheets.createSheet(workspace(request), request));
    }

    private Router.Reply list(ApiRequest request) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Workspace workspace : store.workspaces()) views.add(SheetViews.workspace(workspace));
        return Router.Reply.ok(Paging.indexResult(views, request));
    }

    private Router.Reply create(ApiRequest request) {
        String name = request.body().path("name").asText("");
        if (name.isBlank()) throw ApiError.missingAttribute("name");
        return Router.Reply.ok(Results.success(SheetViews.workspace(store.createWorkspace(name)), null));
    }

    /** Get Workspace lists the sheets and folders at its top level; the emulator has no reports or dashboards. */
    private Router.Reply get(ApiRequest request) {
        Workspace workspace = workspace(request);
        Map<String, Object> view = SheetViews.workspace(workspace);
        List<Map<String, Object>> sheetViews = new ArrayList<>();
        for (Sheet sheet : workspace.sheets) {
            synchronized (sheet) {
                sheetViews.add(SheetViews.summary(sheet));
            }
        }
        view.put("sheets", sheetViews);
        List<Map<String, Object>> folderViews = new ArrayList<>();
        for (Folder folder : workspace.folders) folderViews.add(FolderEndpoints.brief(folder));
        view.put("folders", folderViews);
        return Router.Reply.ok(view);
    }

    private Workspace workspace(ApiRequest request) {
        return store.workspace(request.pathId("workspaceId"));
    }
}
