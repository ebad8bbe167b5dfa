package dev.smartsheetmcp.resources;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code smartsheet://{sheet_id}/dependencies}: the predecessor graph of every row: its links,
 * broken links (to a row that does not exist, or to itself), rows caught in a cycle, and the
 * longest chain by duration (every task a day when the sheet has no duration column).
 */
final class DependencyView extends SheetView {

    private final Map<Integer, Long> rowIds = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    private final Map<Integer, Double> weights = new HashMap<>();
    private final Map<Integer, List<Predecessors.Link>> links = new LinkedHashMap<>();
    private final ItemList unreadable;

    DependencyView(long sheetId, int pageSize, int maxChars) {
        super(sheetId, pageSize, maxChars);
        this.unreadable = items();
    }

    @Override
    void accept(RowCells row) {
        rowIds.put(row.rowNumber(), row.id());
        names.put(row.rowNumber(), cut(row.text(project.id(project.name())).orElse("")));
        weights.put(row.rowNumber(), row.durationDays(project.id(project.duration())).orElse(1.0));
        row.text(project.id(project.predecessors())).map(Predecessors::parse).ifPresent(parsed -> {
            if (!parsed.links().isEmpty()) links.put(row.rowNumber(), parsed.links());
            parsed.unreadable().forEach(text -> unreadable.add(Map.of("row_number", row.rowNumber(), "text", text)));
        });
    }

    @Override
    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("predecessor_column", project.predecessors() == null ? null : project.predecessors().title());
        figures.put("rows_with_predecessors", links.size());
        figures.put("links", links.values().stream().mapToInt(List::size).sum());
        return figures;
    }

    @Override
    Map<String, ItemList> lists() {
        ItemList edges = items();
        ItemList broken = items();
        Map<Integer, List<Integer>> successors = new HashMap<>();
        Map<Integer, Integer> inDegree = new HashMap<>();
        links.forEach((row, rowLinks) -> rowLinks.forEach(link -> {
            if (!rowIds.containsKey(link.rowNumber()) || link.rowNumber() == row) {
                broken.add(link(row, link, rowIds.containsKey(link.rowNumber()) ? "depends on itself" : "no such row"));
                return;
            }
            edges.add(link(row, link, null));
            successors.computeIfAbsent(link.rowNumber(), key -> new ArrayList<>()).add(row);
            inDegree.merge(row, 1, Integer::sum);
        }));
        Map<String, ItemList> lists = new LinkedHashMap<>();
        lists.put("broken_links", broken);
        lists.putAll(chainAndCycles(successors, inDegree));
        lists.put("links", edges);
        lists.put("unreadable_predecessors", unreadable);
        return lists;
    }

    /** Kahn's order over the valid links: the longest chain along it; rows it never reaches are in or behind a cycle. */
    private Map<String, ItemList> chainAndCycles(Map<Integer, List<Integer>> successors, Map<Integer, Integer> inDegree) {
        Deque<Integer> ready = new ArrayDeque<>();
        rowIds.keySet().stream().sorted().filter(row -> !inDegree.containsKey(row)).forEach(ready::add);
        Map<Integer, Double> length = new HashMap<>();
        Map<Integer, Integer> previous = new HashMap<>();
        int visited = 0;
        Integer last = null;
        while (!ready.isEmpty()) {
            int row = ready.poll();
            visited++;
            double here = length.getOrDefault(row, 0.0) + weights.getOrDefault(row, 1.0);
            length.put(row, here);
            if (last == null || here > length.get(last)) last = row;
            for (int next : successors.getOrDefault(row, List.of())) {
                if (here > length.getOrDefault(next, 0.0)) {
                    length.put(next, here);
                    previous.put(next, row);
                }
                if (inDegree.merge(next, -1, Integer::sum) == 0) ready.add(next);
            }
        }
        ItemList chain = items();
        List<Integer> path = new ArrayList<>();
        for (Integer row = last; row != null && !links.isEmpty(); row = previous.get(row)) path.add(row);
        Collections.reverse(path);
        path.forEach(row -> chain.add(Map.of("row_number", row, "row_id", Long.toString(rowIds.get(row)), "name", names.get(row))));
        ItemList cyclic = items();
        if (visited < rowIds.size()) {
            inDegree.forEach((row, degree) -> {
                if (degree > 0) cyclic.add(Map.of("row_number", row, "row_id", Long.toString(rowIds.get(row)), "name", names.get(row)));
            });
        }
        Map<String, ItemList> lists = new LinkedHashMap<>();
        lists.put("rows_in_or_after_cycles", cyclic);
        lists.put("longest_chain", chain);
        return lists;
    }

    private Map<String, Object> link(int row, Predecessors.Link link, String problem) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("row_number", row);
        view.put("row_id", Long.toString(rowIds.get(row)));
        view.put("predecessor_row_number", link.rowNumber());
        view.put("type", link.type());
        if (link.lag() != null) view.put("lag", link.lag());
        if (problem != null) view.put("problem", problem);
        return view;
    }

    private static String cut(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }
}
