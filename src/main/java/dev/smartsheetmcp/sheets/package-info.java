/**
 * Tool logic for one sheet's columns, rows and search: argument reading, conditions, bulk row
 * edits and paging. The calls themselves go through the Smartsheet client routes.
 */
package dev.smartsheetmcp.sheets;
