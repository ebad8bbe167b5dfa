/**
 * Reports: listing them and reading their rows within the same size budget and cursor as
 * get_sheet. The calls go through the Smartsheet client routes.
 */
package dev.smartsheetmcp.reports;
