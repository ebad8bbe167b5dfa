package dev.smartsheetmcp.sheets.reading;

import dev.smartsheetmcp.toolkit.ToolException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A sheet's link as people copy it from Smartsheet, {@code https://app.smartsheet.com/sheets/<token>?view=grid}.
 * The token is not the sheet id and the API has no call that resolves it: Get Sheet takes ids only,
 * so the sheet is found by its {@code permalink} in List Sheets (see {@link SheetUrlLookup}).
 */
public final class SheetUrl {

    private SheetUrl() {
    }

    /** The token of a sheet link; an error naming {@code field} when it is not one. */
    public static String token(String url, String field) {
        String token = tokenOrNull(url);
        if (token == null) {
            throw ToolException.invalidArgument(field, "is not a Smartsheet sheet link such as"
                    + " https://app.smartsheet.com/sheets/AbC123?view=grid (copy it from the sheet's address bar or Share > Copy link)");
        }
        return token;
    }

    /** The token of a link, or null when it is not a link to a sheet. */
    static String tokenOrNull(String url) {
        if (url == null) return null;
        try {
            URI uri = new URI(url.trim());
            String host = uri.getHost();
            String path = uri.getPath();
            if (host == null || path == null || !host.toLowerCase(java.util.Locale.ROOT).contains("smartsheet")) return null;
            String[] parts = path.split("/");
            for (int i = 0; i + 1 < parts.length; i++) {
                if (parts[i].equals("sheets") && !parts[i + 1].isBlank()) return parts[i + 1];
            }
            return null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
