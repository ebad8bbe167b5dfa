/**
 * In-process emulators of Smartsheet and Azure OpenAI, faithful to the vendors' documentation, for
 * sandbox mode, tests and benchmarks; the production path never uses them.
 */
package dev.smartsheetmcp.sandbox;
