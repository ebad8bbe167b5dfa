/**
 * The MCP prompts' texts: one markdown file per prompt under {@code prompts/} on the class path,
 * its arguments filled in, the static resources it names embedded.
 */
package dev.smartsheetmcp.prompts;
