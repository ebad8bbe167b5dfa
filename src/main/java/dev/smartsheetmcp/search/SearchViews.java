package dev.smartsheetmcp.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.BudgetedList;
import dev.smartsheetmcp.toolkit.TextCut;
import dev.smartsheetmcp.toolkit.ToolArguments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search tool's answer: typed results (what was found, its id as a string, the matched text
 * and its context, the sheet or other parent it belongs to), as many as fit {@code max_chars},
 * with a cursor for the rest. Smartsheet answers at most 100 results a query; the answer says
 * when it found more.
 */
public final class SearchViews {

    static final String TOOL = "search";
    /** Room kept in the budget for the note an answer may end with. */
    private static final String NOTE_ROOM = " ".repeat(220);

    private int defaultMaxChars = 20_000;
    private int textChars = 500;

    public void setDefaultMaxChars(int defaultMaxChars) {
        this.defaultMaxChars = defaultMaxChars;
    }

    /** Characters of a result's matched text kept (longer text is cut with a marker). */
    public void setTextChars(int textChars) {
        this.textChars = textChars;
    }

    public Map<String, Object> results(JsonNode searchResult, Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonNode result : searchResult.path("results")) results.add(result(result));
        int totalCount = searchResult.path("totalCount").asInt(results.size());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("query", args.text("query").strip());
        view.put("scopes", new ArrayList<>(SearchRequests.scopes(args)));
        view.put("total_count", totalCount);
        view.put("returned", 0);
        view.put("results", List.of());
        view.put("note", NOTE_ROOM);
        BudgetedList<Map<String, Object>> page = BudgetedList.<Map<String, Object>>of(TOOL, arguments, defaultMaxChars)
                .frame(view);
        page.offerAll(page.remainder(results, SearchViews::key, "result"));
        view.remove("note");
        view.put("returned", page.items().size());
        view.put("results", page.items());
        page.finish(view, SearchViews::key);
        if (totalCount > results.size()) {
            view.put("note", "Smartsheet found " + totalCount + " results and lists the first " + results.size()
                    + "; narrow the query (or its scopes, or quote an exact phrase) to see the others");
        } else if (view.containsKey("cursor")) {
            view.put("note", "More results than fit max_chars; call search again with this cursor for the rest");
        }
        return view;
    }

    private Map<String, Object> result(JsonNode node) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("type", node.path("objectType").asText());
        result.put("id", node.path("objectId").asText());
        result.put("text", TextCut.cut(node.path("text").asText(""), textChars));
        if (node.hasNonNull("parentObjectId")) {
            Map<String, Object> parent = new LinkedHashMap<>();
            parent.put("type", node.path("parentObjectType").asText(null));
            parent.put("id", node.path("parentObjectId").asText());
            parent.put("name", node.path("parentObjectName").asText(null));
            result.put("parent", parent);
        }
        List<String> context = new ArrayList<>();
        node.path("contextData").forEach(item -> context.add(TextCut.cut(item.asText(), textChars)));
        if (!context.isEmpty()) result.put("context", context);
        if (node.hasNonNull("proofUrl")) result.put("proof_url", node.get("proofUrl").asText());
        return result;
    }

    @SuppressWarnings("unchecked")
    private static String key(Map<String, Object> result) {
        Object parent = result.get("parent");
        String parentId = parent instanceof Map<?, ?> map ? String.valueOf(((Map<String, Object>) map).get("id")) : "";
        return result.get("type") + ":" + result.get("id") + ":" + parentId;
    }
}
