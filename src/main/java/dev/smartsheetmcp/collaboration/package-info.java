/**
 * Tool logic for collaboration and audit: discussions and comments, attachments (files kept inside
 * one attachments directory), and cell and row history.
 */
package dev.smartsheetmcp.collaboration;
