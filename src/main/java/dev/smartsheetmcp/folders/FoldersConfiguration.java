package dev.smartsheetmcp.folders;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/** The folder and sheet tools' beans, by the names {@code routes/tools-folders.yaml} uses. */
public final class FoldersConfiguration implements CamelConfiguration {

    @PropertyInject("tools.max-answer-chars")
    private int maxAnswerChars;

    @Override
    public void configure(CamelContext camel) {
        camel.getRegistry().bind("folderRequests", new FolderRequests());
        FolderViews views = new FolderViews();
        views.setDefaultMaxChars(maxAnswerChars);
        camel.getRegistry().bind("folderViews", views);
    }
}
