package dev.outpost.rider;

import java.util.Locale;
import java.util.Optional;

/**
 * Station short codes: six characters from a 31-symbol alphabet without look-alikes (no 0/O, 1/I/L), e.g.
 * {@code K7M2QX}. Printed on the station's QR poster and opened as {@code /s/{code}}. Codes are given by the database
 * when a station is created (unique across regions, so a code alone finds its station). Pure and thread-safe.
 */
public final class ShortCodes {
    /** The symbols a code is made of. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    /** Characters in a code. */
    public static final int LENGTH = 6;

    private ShortCodes() {}

    /**
     * The code in canonical form (upper case, surrounding blanks removed), or empty when {@code text} cannot be a code:
     * wrong length, or a character outside {@link #ALPHABET} (such as {@code O}, {@code 0}, {@code I} or {@code 1}).
     */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }
}
