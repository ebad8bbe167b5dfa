/**
 * Tool logic for sheet summary fields: reading them, setting their values by title, adding fields.
 */
package dev.smartsheetmcp.summary;
