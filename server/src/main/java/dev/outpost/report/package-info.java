/**
 * Reports of a coverage review: a PDF (PDFBox, Chinese text in an embedded, subset CJK TrueType font, a map drawn
 * server-side with Java2D) and an XLSX workbook of the figures (fastexcel via {@code dataio.XlsxWriter}).
 */
package dev.outpost.report;
