package dev.smartsheetmcp.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A predecessor cell as Smartsheet shows it: row numbers, each with an optional dependency type
 * (FS by default, SS, FF, SF) and lag, such as {@code 2, 5SS +2d, 7FF -1w}.
 */
record Predecessors(List<Link> links, List<String> unreadable) {

    record Link(int rowNumber, String type, String lag) {
    }

    private static final Pattern LINK = Pattern.compile("^(\\d+)\\s*(FS|SS|FF|SF)?\\s*([+-]\\s*\\d+(?:\\.\\d+)?\\s*[a-z]*)?$",
            Pattern.CASE_INSENSITIVE);

    static Predecessors parse(String text) {
        List<Link> links = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String part : text.split("[,;]")) {
            String trimmed = part.strip();
            if (trimmed.isEmpty()) continue;
            Matcher matcher = LINK.matcher(trimmed);
            if (!matcher.matches()) {
                unreadable.add(trimmed);
                continue;
            }
            String type = matcher.group(2) == null ? "FS" : matcher.group(2).toUpperCase();
            String lag = matcher.group(3) == null ? null : matcher.group(3).replace(" ", "");
            links.add(new Link(Integer.parseInt(matcher.group(1)), type, lag));
        }
        return new Predecessors(links, unreadable);
    }
}
