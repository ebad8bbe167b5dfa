/**
 * Tool logic for workspaces and creating sheets in them.
 */
package dev.smartsheetmcp.workspaces;
