package dev.outpost.http;

import java.nio.file.Path;

/**
 * What the HTTP layer needs to know of the configuration. Immutable.
 *
 * @param webDir directory of the web page, served at {@code /}
 * @param tileUrl XYZ tile URL template, or empty for a plain background
 * @param tileAttribution attribution shown with tiles
 * @param defaultRegion region used when a request names none
 * @param maxUploadBytes largest accepted upload or request body
 */
public record HttpSettings(
        Path webDir, String tileUrl, String tileAttribution, String defaultRegion, long maxUploadBytes) {}
