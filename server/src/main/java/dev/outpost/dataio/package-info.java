/**
 * Reading and writing the files cities actually have: station lists as CSV, XLSX and GeoJSON, district boundaries
 * as GeoJSON and zipped ESRI Shapefiles, and exports as GeoJSON, CSV and XLSX. Readers validate every row and
 * collect all problems instead of stopping at the first; everything they return is in WGS 84 lon/lat (SRID 4326).
 */
package dev.outpost.dataio;
