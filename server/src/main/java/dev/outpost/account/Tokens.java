package dev.outpost.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens (256 bits, URL-safe base64 without padding, 43 characters) and their SHA-256. Thread-safe. */
final class Tokens {
    static final int TOKEN_CHARS = 43;

    private final SecureRandom random;

    Tokens(SecureRandom random) {
        this.random = random;
    }

    String newToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** True when {@code token} has the shape of one of ours (so garbage never reaches the database). */
    static boolean wellFormed(String token) {
        return token != null && token.length() == TOKEN_CHARS && token.matches("[A-Za-z0-9_-]+");
    }

    /** Lower-case hex SHA-256 of the token's ASCII bytes. */
    static String sha256Hex(String token) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Compares two strings in time independent of where they differ. */
    static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
