package dev.outpost.dataio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a zip archive held in memory, refusing what a hostile upload could do: entries whose path escapes the
 * archive ({@code ../}, absolute paths, drive letters), too many entries, or more uncompressed bytes than the limit
 * (counted while inflating, not trusted from the headers). Entry names that are not UTF-8 (zips made on Chinese
 * Windows) are read as GBK. Stateless and thread-safe.
 */
final class SafeZip {
    /**
     * One file of the archive.
     *
     * @param name its path inside the archive, with '/' separators
     * @param bytes its uncompressed content
     */
    record Entry(String name, byte[] bytes) {
        /** The last path segment. */
        String fileName() {
            int slash = name.lastIndexOf('/');
            return slash < 0 ? name : name.substring(slash + 1);
        }
    }

    private SafeZip() {}

    /**
     * @throws IllegalArgumentException with a message naming the entry or the limit when the archive is refused, or
     *     when it is not a readable zip
     */
    static List<Entry> read(byte[] zip, int maxEntries, long maxTotalBytes) {
        try {
            return read(zip, maxEntries, maxTotalBytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // java.util.zip reports an entry name that is not UTF-8 this way.
            if (e.getCause() instanceof CharacterCodingException
                    || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).startsWith("malformed")) {
                return read(zip, maxEntries, maxTotalBytes, TextDecoding.GBK);
            }
            throw e;
        }
    }

    private static List<Entry> read(byte[] zip, int maxEntries, long maxTotalBytes, Charset names) {
        List<Entry> out = new ArrayList<>();
        long total = 0;
        int count = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), names)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                count++;
                if (count > maxEntries) {
                    throw new IllegalArgumentException(
                            String.format(Locale.ROOT, "the archive has more than %d entries; refused", maxEntries));
                }
                String name = entry.getName().replace('\\', '/');
                checkName(name);
                if (entry.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > maxTotalBytes) {
                        throw new IllegalArgumentException(String.format(
                                Locale.ROOT,
                                "the archive expands to more than %s (at entry '%s'); refused as a possible zip bomb",
                                FileTooLargeException.humanBytes(maxTotalBytes),
                                name));
                    }
                    content.write(buffer, 0, n);
                }
                out.add(new Entry(name, content.toByteArray()));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the archive cannot be read as a zip file: " + e.getMessage(), e);
        }
        if (count == 0) {
            throw new IllegalArgumentException("the archive is empty or not a zip file");
        }
        return out;
    }

    private static void checkName(String name) {
        boolean absolute = name.startsWith("/") || (name.length() >= 2 && name.charAt(1) == ':');
        boolean climbs = false;
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                climbs = true;
                break;
            }
        }
        if (absolute || climbs) {
            throw new IllegalArgumentException("zip entry '" + name + "' escapes the archive; refused");
        }
    }
}
