package dev.smartsheetmcp.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.BudgetedList;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * list_users: Smartsheet's List Users read a page at a time ({@code tools.users.page-size} users),
 * from where the previous answer stopped, until the answer's size budget is full. Smartsheet pages
 * users by position, so a cursor holds the position of the next user (and the id of the last one
 * answered, to step past it when users joined or left before it meanwhile).
 */
public final class UserListing {

    static final String TOOL = "list_users";
    private static final Pattern EMAIL = Pattern.compile("[^\\s@,]+@[^\\s@,]+");
    private static final int MAX_EMAILS = 100;

    private int pageSize = 100;
    private int defaultMaxChars = 20_000;

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public void setDefaultMaxChars(int defaultMaxChars) {
        this.defaultMaxChars = defaultMaxChars;
    }

    /** One list_users call in progress: the pages read so far and the users taken. */
    public final class Listing {
        private final BudgetedList<Map<String, Object>> page;
        private final String emailQuery;
        private int nextPage;
        private int skip;
        private boolean lastPageRead;
        private boolean anchorChecked;
        private long totalCount;

        private Listing(BudgetedList<Map<String, Object>> page, String emailQuery) {
            this.page = page;
            this.emailQuery = emailQuery;
            int position = page.answeredBefore();
            this.nextPage = position / pageSize + 1;
            this.skip = position % pageSize;
            this.anchorChecked = page.fromStart();
        }

        public boolean morePages() {
            return !lastPageRead && !page.full();
        }

        public String nextQuery() {
            return emailQuery + "pageSize=" + pageSize + "&page=" + nextPage;
        }
    }

    public Listing start(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        String emailQuery = args.optionalText("email").map(UserListing::emailQuery).orElse("");
        BudgetedList<Map<String, Object>> page = BudgetedList.of(TOOL, arguments, defaultMaxChars);
        page.frame(frame(List.of(), 0));
        return new Listing(page, emailQuery);
    }

    /** Takes the users of one page of List Users that fit, after those answered before. */
    public void takePage(Listing listing, JsonNode indexResult) {
        listing.totalCount = indexResult.path("totalCount").asLong(0);
        List<JsonNode> users = new ArrayList<>();
        indexResult.path("data").forEach(users::add);
        int from = Math.min(listing.skip, users.size());
        if (!listing.anchorChecked) {
            listing.anchorChecked = true;
            // the last user answered moved on this page when others joined or left before it
            String anchor = listing.page.after().orElseThrow();
            for (int i = 0; i < users.size(); i++) {
                if (anchor.equals(users.get(i).path("id").asText())) from = i + 1;
            }
        }
        for (JsonNode user : users.subList(from, users.size())) {
            if (!listing.page.offer(UserViews.user(user))) break;
        }
        int totalPages = indexResult.path("totalPages").asInt(1);
        listing.lastPageRead = users.size() < pageSize || indexResult.path("pageNumber").asInt(listing.nextPage) >= totalPages;
        listing.nextPage++;
        listing.skip = 0;
    }

    public Map<String, Object> answer(Listing listing) {
        Map<String, Object> answer = frame(listing.page.items(), listing.totalCount);
        return listing.page.finish(answer, user -> (String) user.get("id"));
    }

    private static Map<String, Object> frame(List<Map<String, Object>> users, long totalCount) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("users", users);
        answer.put("total_count", totalCount);
        return answer;
    }

    /** The email filter as List Users takes it: comma-separated addresses. */
    private static String emailQuery(String given) {
        List<String> emails = new ArrayList<>();
        for (String part : given.split(",")) {
            String email = part.strip();
            if (email.isEmpty()) continue;
            if (!EMAIL.matcher(email).matches()) {
                throw ToolException.invalidArgument("email", "'" + (email.length() > 60 ? email.substring(0, 60) + "…" : email)
                        + "' is not an email address; give one address or several separated by commas");
            }
            emails.add(email);
        }
        if (emails.isEmpty()) throw ToolException.invalidArgument("email", "must hold at least one email address");
        if (emails.size() > MAX_EMAILS) {
            throw ToolException.invalidArgument("email", "at most " + MAX_EMAILS + " addresses at once, got " + emails.size());
        }
        return "email=" + URLEncoder.encode(String.join(",", emails), StandardCharsets.UTF_8) + "&";
    }
}
