/**
 * What the MCP resources read from Smartsheet: the sheet templates ({@code smartsheet://{sheet_id}/summary},
 * {@code /gantt-data}, {@code /dependencies}, {@code /health-report}) computed from every row, read page by
 * page within a size budget; the workspace overview; jobs as resources and the notices of their changes.
 */
package dev.smartsheetmcp.resources;
