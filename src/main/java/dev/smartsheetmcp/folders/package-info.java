/**
 * Tool logic for folders and sheets as objects: a folder's contents, creating folders and sheets in
 * Home, a folder or a workspace, copying a sheet, and a sheet's version.
 */
package dev.smartsheetmcp.folders;
