/**
 * Tool logic for Smartsheet-wide search (Search Everything): the query, its scopes, and typed,
 * paged results.
 */
package dev.smartsheetmcp.search;
