package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A workspace and the sheets and folders created at its top level. */
final class Workspace {

    final long id;
    final String name;
    final List<Sheet> sheets = new CopyOnWriteArrayList<>();
    final List<Folder> folders = new CopyOnWriteArrayList<>();

    Workspace(long id, String name) {
        this.id = id;
        this.name = name;
    }

    String permalink() {
        return "https://app.smartsheet.com/workspaces/" + Long.toString(id, 36);
    }
}
