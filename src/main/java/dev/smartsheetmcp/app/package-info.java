/**
 * Start-up, on top of every other package: reads the launch options and settings, checks them,
 * starts the sandbox when asked, boots Camel Main with the routes in {@code routes/}, and wires
 * metrics. Nothing imports it.
 */
package dev.smartsheetmcp.app;
