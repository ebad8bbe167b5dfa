package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The organisation account's users, in the order they joined, and whose each access token is. The
 * account's owner (a system admin) joins first; a token is the owner's unless given to another user.
 */
final class UserDirectory {

    static final long ACCOUNT_ID = 4_583_173_393_803_140L;
    static final String ACCOUNT_NAME = "Sandbox Org";

    private final IdSource ids;
    private final List<User> users = new CopyOnWriteArrayList<>();
    private final Map<Long, User> byId = new ConcurrentHashMap<>();
    private final Map<String, User> tokens = new ConcurrentHashMap<>();
    private final User owner;

    UserDirectory(IdSource ids) {
        this.ids = ids;
        owner = add("Sandbox", "Owner", "owner@sandbox.example", true, true, true, "ACTIVE", "Operations Lead");
        add("Ada", "Lovelace", "ada.lovelace@sandbox.example", false, true, false, "ACTIVE", "Analyst");
        add("Grace", "Hopper", "grace.hopper@sandbox.example", false, true, true, "ACTIVE", "Engineering Manager");
        add("Alan", "Turing", "alan.turing@sandbox.example", false, false, false, "PENDING", null);
    }

    User add(String firstName, String lastName, String email, boolean admin, boolean licensed, boolean groupAdmin,
             String status, String title) {
        User user = new User(ids.next(), firstName, lastName, email, admin, licensed, groupAdmin, status, title);
        users.add(user);
        byId.put(user.id, user);
        return user;
    }

    void giveToken(String token, User user) {
        tokens.put(token, user);
    }

    /** The user a known token belongs to, or null for a token the account never issued. */
    User ofToken(String token) {
        return tokens.get(token);
    }

    User owner() {
        return owner;
    }

    User user(long userId) {
        User user = byId.get(userId);
        if (user == null) throw ApiError.notFound();
        return user;
    }

    User byEmail(String email) {
        return users.stream().filter(user -> user.email.equalsIgnoreCase(email)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no user " + email));
    }

    List<User> all() {
        return users;
    }
}
