/**
 * Schedules of analysis jobs: the schedule store, Quartz triggers, firings, configured schedules
 * and the schedule tools.
 */
package dev.smartsheetmcp.schedules;
