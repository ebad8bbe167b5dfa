package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.Map;

/** The system column types, the column type each requires, and the value it shows in a row. */
final class SystemColumns {

    /** The user every API token and seeded row acts as. */
    static final String USER_EMAIL = "sandbox.user@example.com";
    static final String USER_NAME = "Sandbox User";

    private static final Map<String, String> TYPES = Map.of(
            "AUTO_NUMBER", "TEXT_NUMBER",
            "CREATED_BY", "CONTACT_LIST",
            "MODIFIED_BY", "CONTACT_LIST",
            "CREATED_DATE", "DATETIME",
            "MODIFIED_DATE", "DATETIME");

    private SystemColumns() {
    }

    static boolean isKnown(String systemColumnType) {
        return TYPES.containsKey(systemColumnType);
    }

    static String typeFor(String systemColumnType) {
        String type = TYPES.get(systemColumnType);
        if (type == null) throw new IllegalArgumentException("unknown systemColumnType " + systemColumnType);
        return type;
    }

    /** The value a system column shows for a row. */
    static Object valueOf(String systemColumnType, Row row) {
        return switch (systemColumnType) {
            case "AUTO_NUMBER" -> String.valueOf(row.autoNumber);
            case "CREATED_DATE" -> row.createdAt;
            case "MODIFIED_DATE" -> row.modifiedAt;
            default -> USER_EMAIL;
        };
    }

    /** Contacts show the user's name; dates and numbers show no separate display value. */
    static String displayValueOf(String systemColumnType) {
        return systemColumnType.endsWith("_BY") ? USER_NAME : null;
    }
}
