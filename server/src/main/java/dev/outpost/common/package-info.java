/**
 * Small types shared by every domain package: the typed exceptions (not found, conflict, validation with its
 * per-row problems) that the HTTP layer maps to 404, 409 and 422.
 */
package dev.outpost.common;
