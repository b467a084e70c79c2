/**
 * Printable QR posters of stations (PNG and PDF, bilingual): the layout, the QR code (ZXing), and the CJK font taken
 * from the system's Noto Sans CJK collection, whose glyphs are turned into a small embedded TrueType font for PDFBox.
 */
package dev.outpost.rider.poster;
