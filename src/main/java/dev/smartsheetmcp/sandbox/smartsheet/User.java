package dev.smartsheetmcp.sandbox.smartsheet;

/** A user of the organisation account, with the roles the User object reports. */
final class User {

    final long id;
    final String firstName;
    final String lastName;
    final String email;
    final boolean admin;
    final boolean licensedSheetCreator;
    final boolean groupAdmin;
    final String status;
    final String title;

    User(long id, String firstName, String lastName, String email, boolean admin, boolean licensedSheetCreator,
         boolean groupAdmin, String status, String title) {
        this.id = id;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.admin = admin;
        this.licensedSheetCreator = licensedSheetCreator;
        this.groupAdmin = groupAdmin;
        this.status = status;
        this.title = title;
    }

    String name() {
        return firstName + " " + lastName;
    }

    boolean active() {
        return "ACTIVE".equals(status);
    }
}
