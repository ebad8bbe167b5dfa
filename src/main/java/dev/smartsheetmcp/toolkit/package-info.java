/**
 * The ground every feature stands on, importing no other package of the application: tool errors,
 * argument reading, the headers of a tool call, the application's version, the throttled notices
 * of changed resources.
 */
package dev.smartsheetmcp.toolkit;
