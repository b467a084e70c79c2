/**
 * Imports of the files cities have, all-or-nothing: read and validate everything first ({@code dataio}), refuse the
 * file with every problem listed, otherwise apply it in one transaction with its provenance (an import batch), or
 * only report what would change (dry run).
 */
package dev.outpost.imports;
