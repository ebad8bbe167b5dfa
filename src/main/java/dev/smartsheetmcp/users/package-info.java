/**
 * Tool logic for the account's users: the current user, one user, and the users listed page by page.
 */
package dev.smartsheetmcp.users;
