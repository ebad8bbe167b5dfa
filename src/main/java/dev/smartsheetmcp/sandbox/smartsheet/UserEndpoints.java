package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Get Current User, List Users (paged, filtered by email) and Get User. As the API does, the
 * attributes only system admins see (admin, groupAdmin, licensedSheetCreator, resourceViewer,
 * status, sheetCount) are left out for a caller who is not one.
 */
final class UserEndpoints {

    private final UserDirectory users;
    private final SheetStore store;

    UserEndpoints(UserDirectory users, SheetStore store) {
        this.users = users;
        this.store = store;
    }

    void registerOn(Router router) {
        router.add("GET", "/users/me", this::me)
                .add("GET", "/users", this::list)
                .add("GET", "/users/{userId}", this::get);
    }

    private Router.Reply me(ApiRequest request) {
        User me = request.caller();
        Map<String, Object> view = profile(me, me.admin);
        // "to increase performance, this returns a static '0'"
        if (me.admin && me.active()) view.put("sheetCount", 0);
        if (request.words("include").contains("groups")) view.put("data", List.of());
        return Router.Reply.ok(view);
    }

    private Router.Reply list(ApiRequest request) {
        boolean admin = request.caller().admin;
        String emailFilter = request.query("email");
        Set<String> emails = emailFilter == null ? null : Arrays.stream(emailFilter.split(","))
                .map(email -> email.trim().toLowerCase(Locale.ROOT)).filter(email -> !email.isEmpty())
                .collect(Collectors.toSet());
        List<Map<String, Object>> views = new ArrayList<>();
        for (User user : users.all()) {
            if (emails != null && !emails.contains(user.email.toLowerCase(Locale.ROOT))) continue;
            views.add(listed(user, admin));
        }
        return Router.Reply.ok(Paging.indexResult(views, request));
    }

    private Router.Reply get(ApiRequest request) {
        User user = users.user(request.pathId("userId"));
        Map<String, Object> view = profile(user, request.caller().admin);
        return Router.Reply.ok(view);
    }

    /** A User object as List Users gives it. */
    private Map<String, Object> listed(User user, boolean callerIsAdmin) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", user.id);
        view.put("email", user.email);
        view.put("name", user.name());
        view.put("firstName", user.firstName);
        view.put("lastName", user.lastName);
        if (callerIsAdmin) adminAttributes(user, view);
        return view;
    }

    /** A UserProfile object, as Get User and Get Current User give it. */
    private Map<String, Object> profile(User user, boolean callerIsAdmin) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", user.id);
        view.put("email", user.email);
        view.put("firstName", user.firstName);
        view.put("lastName", user.lastName);
        view.put("locale", "en_US");
        view.put("timeZone", "US/Pacific");
        view.put("account", Map.of("id", UserDirectory.ACCOUNT_ID, "name", UserDirectory.ACCOUNT_NAME));
        if (user.title != null) view.put("title", user.title);
        view.put("company", UserDirectory.ACCOUNT_NAME);
        if (callerIsAdmin) adminAttributes(user, view);
        return view;
    }

    private void adminAttributes(User user, Map<String, Object> view) {
        view.put("admin", user.admin);
        view.put("groupAdmin", user.groupAdmin);
        view.put("licensedSheetCreator", user.licensedSheetCreator);
        view.put("resourceViewer", user.licensedSheetCreator);
        view.put("status", user.status);
        if (user.active()) view.put("sheetCount", user == users.owner() ? store.sheets().size() : 0);
    }
}
