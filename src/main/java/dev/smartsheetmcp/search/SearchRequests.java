package dev.smartsheetmcp.search;

import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks the search tool's arguments and writes Search Everything's query string from them. */
public final class SearchRequests {

    /** The scopes as Search Everything names them. */
    static final List<String> SCOPES = List.of("attachments", "cellData", "comments", "folderNames", "reportNames",
            "sheetNames", "sightNames", "summaryFields", "templateNames", "workspaceNames");

    /** {@code query=...&scopes=a,b}, percent-encoded. */
    public String query(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        String query = args.nonBlankText("query").strip();
        StringBuilder text = new StringBuilder("query=").append(encode(query));
        Set<String> scopes = scopes(args);
        if (!scopes.isEmpty()) text.append("&scopes=").append(encode(String.join(",", scopes)));
        return text.toString();
    }

    static Set<String> scopes(ToolArguments arguments) {
        Set<String> scopes = new LinkedHashSet<>();
        List<?> items = arguments.optionalList("scopes").orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (!(item instanceof String scope) || !SCOPES.contains(scope)) {
                throw ToolException.invalidArgument("scopes[" + i + "]", "must be one of " + String.join(", ", SCOPES)
                        + ", got " + (item instanceof String text ? "'" + text + "'" : item));
            }
            scopes.add(scope);
        }
        return scopes;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
