package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A folder: in Home, in another folder or in a workspace; holds folders and sheets. */
final class Folder {

    final long id;
    final String name;
    /** The workspace the folder lives in, at any depth; null in Home. */
    final Workspace workspace;
    final List<Folder> folders = new CopyOnWriteArrayList<>();
    final List<Sheet> sheets = new CopyOnWriteArrayList<>();

    Folder(long id, String name, Workspace workspace) {
        this.id = id;
        this.name = name;
        this.workspace = workspace;
    }

    String permalink() {
        return "https://app.smartsheet.com/folders/" + Long.toString(id, 36);
    }
}
