package dev.smartsheetmcp.collaboration;

import java.nio.file.Path;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/** The collaboration tools' beans, by the names {@code routes/tools-collaboration.yaml} uses. */
public final class CollaborationConfiguration implements CamelConfiguration {

    @PropertyInject("attachments.dir")
    private String attachmentsDir;
    @PropertyInject("attachments.inline-max-bytes")
    private int inlineMaxBytes;
    @PropertyInject("tools.max-answer-chars")
    private int maxAnswerChars;

    @Override
    public void configure(CamelContext camel) {
        DiscussionTools discussions = new DiscussionTools();
        discussions.setDefaultMaxChars(maxAnswerChars);
        camel.getRegistry().bind("discussionTools", discussions);
        AttachmentTools attachments = new AttachmentTools(new AttachmentFolder(Path.of(attachmentsDir)), inlineMaxBytes);
        attachments.setDefaultMaxChars(maxAnswerChars);
        camel.getRegistry().bind("attachmentTools", attachments);
        HistoryTools history = new HistoryTools();
        history.setDefaultMaxChars(maxAnswerChars);
        camel.getRegistry().bind("historyTools", history);
    }
}
