package dev.outpost.dataio;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes the text files Chinese offices produce: UTF-8 with or without a byte-order mark, UTF-16 with a mark (Excel's
 * "Unicode text"), and GBK when the bytes are not valid UTF-8. GBK is decoded with GB18030, its superset, so every GBK
 * file decodes the same. Stateless and thread-safe.
 */
public final class TextDecoding {
    /** The charset used for GBK files (a superset of GBK and GB2312). */
    public static final Charset GBK = Charset.forName("GB18030");

    private TextDecoding() {}

    /**
     * The decoded text, the charset used and whether a byte-order mark was stripped.
     *
     * @param text the text without byte-order mark
     * @param charset the charset that decoded it
     * @param byteOrderMark whether a byte-order mark was present
     */
    public record Decoded(String text, Charset charset, boolean byteOrderMark) {}

    /**
     * Decodes {@code bytes}.
     *
     * @param charset an explicit charset that overrides detection, or null to detect (BOM, then strict UTF-8, else
     *     GBK)
     */
    public static Decoded decode(byte[] bytes, Charset charset) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(
                    new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, true);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(
                    new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, true);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(
                    new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, true);
        }
        if (charset != null) {
            return new Decoded(new String(bytes, charset), charset, false);
        }
        String utf8 = decodeStrictUtf8(bytes, 0, bytes.length);
        if (utf8 != null) {
            return new Decoded(utf8, StandardCharsets.UTF_8, false);
        }
        return new Decoded(new String(bytes, GBK), GBK, false);
    }

    /** Whether {@code bytes[offset, offset+length)} is valid UTF-8. */
    public static boolean isValidUtf8(byte[] bytes, int offset, int length) {
        return decodeStrictUtf8(bytes, offset, length) != null;
    }

    /**
     * Parses a charset name as written in a {@code .cpg} file or an upload form: "UTF-8", "utf8", "65001", "GBK",
     * "GB2312", "CP936", "936", "GB18030"; other names go to {@link Charset#forName}.
     *
     * @throws IllegalArgumentException naming the value when it is unknown
     */
    public static Charset parseCharset(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace("_", "-");
        switch (n) {
            case "UTF-8":
            case "UTF8":
            case "65001":
                return StandardCharsets.UTF_8;
            case "GBK":
            case "GB2312":
            case "CP936":
            case "936":
            case "MS936":
            case "GB18030":
            case "54936":
                return GBK;
            default:
                try {
                    return Charset.forName(n);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "unknown charset '" + name + "'; expected UTF-8 or GBK (or another Java charset name)");
                }
        }
    }

    /**
     * Decodes strict UTF-8; an incomplete sequence at the very end (a file cut in the middle of a character) becomes
     * U+FFFD instead of disqualifying the file. Returns null when the bytes are not UTF-8.
     */
    private static String decodeStrictUtf8(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        CoderResult result = decoder.decode(in, out, false);
        if (result.isError()) {
            return null;
        }
        if (in.hasRemaining()) {
            out.put('\uFFFD');
        }
        out.flip();
        return out.toString();
    }

    /** Whether {@code bytes} begin with the given unsigned byte values. */
    static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
