package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Smartsheet's IndexResult paging: page is 1-based, pageSize defaults to 100, includeAll lifts the limit. */
final class Paging {

    static final int DEFAULT_PAGE_SIZE = 100;

    private Paging() {
    }

    static Map<String, Object> indexResult(List<?> items, ApiRequest request) {
        Map<String, Object> result = new LinkedHashMap<>();
        int total = items.size();
        if (request.flag("includeAll")) {
            result.put("pageNumber", 1);
            result.put("totalPages", 1);
            result.put("totalCount", total);
            result.put("data", items);
            return result;
        }
        Integer requestedSize = request.positiveInt("pageSize");
        Integer requestedPage = request.positiveInt("page");
        int size = requestedSize == null ? DEFAULT_PAGE_SIZE : requestedSize;
        int totalPages = Math.max(1, (total + size - 1) / size);
        // Past the last page, an IndexResult answers with the last page.
        int page = Math.min(requestedPage == null ? 1 : requestedPage, totalPages);
        result.put("pageNumber", page);
        result.put("pageSize", size);
        result.put("totalPages", totalPages);
        result.put("totalCount", total);
        result.put("data", slice(items, size, page));
        return result;
    }

    /** One page of a list; empty past the end. */
    static <T> List<T> slice(List<T> items, int size, int page) {
        long from = (long) (page - 1) * size;
        if (from >= items.size()) return List.of();
        return items.subList((int) from, (int) Math.min(items.size(), from + size));
    }
}
