/**
 * Cross-sheet references: a sheet's references with their source ranges and the formulas that use
 * them ({@code {Reference Name}}), the sheets whose references point at a sheet, checking and
 * repairing broken references, and creating a reference with the formulas that use it.
 */
package dev.smartsheetmcp.crossrefs;
