package dev.outpost.planning;

import dev.outpost.network.TravelMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a reach matrix depends on: the region's network version, the demand layer, the travel mode, the minutes and
 * the set of sites (their ids and positions, by SHA-256). A matrix is reused only under an equal key, so a new
 * network import, a new demand layer, other minutes or a changed candidate set never reuse an old one. Immutable.
 *
 * @param minutes the time limit, 1–120
 * @param siteSetSha256 see {@link #siteSetSha256(List)}
 */
public record MatrixKey(
        String regionCode,
        long networkVersionId,
        long demandLayerId,
        TravelMode mode,
        int minutes,
        String siteSetSha256) {
    public MatrixKey {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(mode, "mode");
        if (minutes < 1 || minutes > 120) {
            throw new IllegalArgumentException("minutes " + minutes + " is out of range 1..120");
        }
        if (siteSetSha256 == null || !siteSetSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("site set hash '" + siteSetSha256 + "' is not 64 hex digits");
        }
    }

    /**
     * The SHA-256 of a site list in its order: one line {@code id TAB lat TAB lon} per site, coordinates in Java's
     * shortest exact decimal form. Callers sort the sites by id first (as {@link CoverageMatrixService} does), so
     * the same set gives the same hash in any order.
     */
    public static String siteSetSha256(List<Site> sites) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Site s : sites) {
                md.update((s.id() + "\t" + s.position().lat() + "\t"
                                + s.position().lon() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
