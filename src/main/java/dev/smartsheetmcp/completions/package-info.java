/**
 * Completions of prompt and resource-template arguments: sheet and workspace ids from the sheets and
 * workspaces the token can see (matched by name, cached briefly), column titles of a known sheet,
 * analysis types and the fixed choices of the prompts' optional arguments.
 */
package dev.smartsheetmcp.completions;
