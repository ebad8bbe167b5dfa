package dev.smartsheetmcp.users;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/** The user tools' beans, by the names {@code routes/tools-users.yaml} uses. */
public final class UsersConfiguration implements CamelConfiguration {

    @PropertyInject("tools.users.page-size")
    private int pageSize;
    @PropertyInject("tools.max-answer-chars")
    private int maxAnswerChars;

    @Override
    public void configure(CamelContext camel) {
        camel.getRegistry().bind("userViews", new UserViews());
        UserListing listing = new UserListing();
        listing.setPageSize(pageSize);
        listing.setDefaultMaxChars(maxAnswerChars);
        camel.getRegistry().bind("userListing", listing);
    }
}
