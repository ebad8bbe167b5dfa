package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folders: read one with its contents (Get Folder), create one in Home, in a folder or in a
 * workspace, and create a sheet in a folder. The emulator has no reports, dashboards or templates,
 * so a folder lists none.
 */
final class FolderEndpoints {

    private final SheetStore store;
    private final SheetEndpoints sheets;

    FolderEndpoints(SheetStore store, SheetEndpoints sheets) {
        this.store = store;
        this.sheets = sheets;
    }

    void registerOn(Router router) {
        router.add("GET", "/folders/{folderId}", this::get)
                .add("POST", "/folders/{folderId}/folders", request -> create(request, folder(request), null))
                .add("POST", "/home/folders", request -> create(request, null, null))
                .add("POST", "/workspaces/{workspaceId}/folders",
                        request -> create(request, null, store.workspace(request.pathId("workspaceId"))))
                .add("POST", "/folders/{folderId}/sheets", request -> sheets.createSheet(folder(request), request));
    }

    /** Get Folder: the folder and its immediate contents; sub-folders are listed, not expanded. */
    private Router.Reply get(ApiRequest request) {
        Folder folder = folder(request);
        Map<String, Object> view = brief(folder);
        List<Map<String, Object>> folderViews = new ArrayList<>();
        for (Folder child : folder.folders) folderViews.add(brief(child));
        view.put("folders", folderViews);
        view.put("sheets", sheetSummaries(folder.sheets));
        view.put("reports", List.of());
        view.put("sights", List.of());
        return Router.Reply.ok(view);
    }

    private Router.Reply create(ApiRequest request, Folder parent, Workspace workspace) {
        String name = request.body().path("name").asText("");
        if (name.isBlank()) throw ApiError.missingAttribute("name");
        return Router.Reply.ok(Results.success(brief(store.createFolder(name, parent, workspace)), null));
    }

    /** The abbreviated Folder object of folder lists and create results. */
    static Map<String, Object> brief(Folder folder) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", folder.id);
        view.put("name", folder.name);
        view.put("permalink", folder.permalink());
        return view;
    }

    static List<Map<String, Object>> sheetSummaries(List<Sheet> sheets) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Sheet sheet : sheets) {
            synchronized (sheet) {
                views.add(SheetViews.summary(sheet));
            }
        }
        return views;
    }

    private Folder folder(ApiRequest request) {
        return store.folder(request.pathId("folderId"));
    }
}
