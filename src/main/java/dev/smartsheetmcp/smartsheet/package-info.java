/**
 * Smartsheet response handling shared by the tools and the jobs: API errors, bulk-write results
 * and chunking.
 */
package dev.smartsheetmcp.smartsheet;
