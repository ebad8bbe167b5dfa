/**
 * Operations: health checks, metrics and the event notifiers that feed them, the circuit breakers'
 * settings, and the live jobs page.
 */
package dev.smartsheetmcp.ops;
