package dev.outpost.dataio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal dBASE III/IV table reader for Shapefile attributes: character, numeric, float, logical and date fields
 * become text (numbers trimmed, dates as yyyy-MM-dd, logicals as true/false, blanks as null). The text encoding is
 * the caller's (from the {@code .cpg} file), else GBK when the language driver byte says code page 936, else UTF-8
 * when every text byte is valid UTF-8, else GBK. Stateless.
 */
final class Dbf {
    /** The dBASE language driver ids that mean code page 936 (simplified Chinese, GBK). */
    private static final int LDID_GBK_1 = 0x4D;

    private static final int LDID_GBK_2 = 0x7A;

    /**
     * One field descriptor.
     *
     * @param name the field name, decoded with the table's charset
     * @param type the dBASE type letter (C, N, F, L, D, ...)
     * @param length the width in bytes
     * @param decimals the decimal count of numeric fields
     */
    record Field(String name, char type, int length, int decimals) {}

    /**
     * The decoded table.
     *
     * @param fields the field descriptors in file order
     * @param records one list of values per record, aligned with {@code fields}
     * @param deleted for each record, whether it is flagged as deleted
     * @param charset the charset that decoded text
     */
    record Table(List<Field> fields, List<List<String>> records, List<Boolean> deleted, Charset charset) {}

    private Dbf() {}

    /**
     * @param charset the encoding from a {@code .cpg} file, or null to detect it
     * @throws IllegalArgumentException naming the problem when the bytes are not a dBASE table or are cut short
     */
    static Table read(byte[] bytes, Charset charset) {
        if (bytes.length < 32) {
            throw new IllegalArgumentException("the .dbf file is too short (" + bytes.length + " bytes) to be a table");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int recordCount = b.getInt(4);
        int headerLength = b.getShort(8) & 0xFFFF;
        int recordLength = b.getShort(10) & 0xFFFF;
        int ldid = bytes[29] & 0xFF;
        if (recordCount < 0 || headerLength < 33 || headerLength > bytes.length || recordLength < 1) {
            throw new IllegalArgumentException("the .dbf header is corrupt (records " + recordCount + ", header "
                    + headerLength + " bytes, record " + recordLength + " bytes)");
        }
        List<int[]> raw = new ArrayList<>();
        List<byte[]> rawNames = new ArrayList<>();
        int offset = 32;
        int position = 1;
        while (offset + 32 <= headerLength && bytes[offset] != 0x0D) {
            int nameEnd = 0;
            while (nameEnd < 11 && bytes[offset + nameEnd] != 0) {
                nameEnd++;
            }
            byte[] name = new byte[nameEnd];
            System.arraycopy(bytes, offset, name, 0, nameEnd);
            rawNames.add(name);
            int type = bytes[offset + 11] & 0xFF;
            int length = bytes[offset + 16] & 0xFF;
            int decimals = bytes[offset + 17] & 0xFF;
            raw.add(new int[] {type, length, decimals, position});
            position += length;
            offset += 32;
        }
        if (position > recordLength) {
            throw new IllegalArgumentException("the .dbf fields are wider (" + (position - 1)
                    + " bytes) than its records (" + recordLength + " bytes)");
        }
        int available = (bytes.length - headerLength) / recordLength;
        if (available < recordCount) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "the .dbf file is cut short: its header announces %d records but only %d are present",
                    recordCount,
                    available));
        }
        if (charset == null) {
            charset = detect(bytes, ldid, rawNames, raw, headerLength, recordLength, recordCount);
        }
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            int[] f = raw.get(i);
            fields.add(new Field(new String(rawNames.get(i), charset).strip(), (char) f[0], f[1], f[2]));
        }
        List<List<String>> records = new ArrayList<>(recordCount);
        List<Boolean> deleted = new ArrayList<>(recordCount);
        for (int r = 0; r < recordCount; r++) {
            int start = headerLength + r * recordLength;
            deleted.add(bytes[start] == '*');
            List<String> values = new ArrayList<>(fields.size());
            for (int i = 0; i < fields.size(); i++) {
                int[] f = raw.get(i);
                values.add(value(fields.get(i).type(), bytes, start + f[3], f[1], charset));
            }
            records.add(values);
        }
        return new Table(fields, records, deleted, charset);
    }

    private static Charset detect(
            byte[] bytes,
            int ldid,
            List<byte[]> names,
            List<int[]> fields,
            int headerLength,
            int recordLength,
            int recordCount) {
        if (ldid == LDID_GBK_1 || ldid == LDID_GBK_2) {
            return TextDecoding.GBK;
        }
        for (byte[] name : names) {
            if (!TextDecoding.isValidUtf8(name, 0, name.length)) {
                return TextDecoding.GBK;
            }
        }
        // Field by field, so that a UTF-8 character cut by the field width does not count against UTF-8.
        for (int r = 0; r < recordCount; r++) {
            int start = headerLength + r * recordLength;
            for (int[] f : fields) {
                if (Character.toUpperCase((char) f[0]) == 'C' && !TextDecoding.isValidUtf8(bytes, start + f[3], f[1])) {
                    return TextDecoding.GBK;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String value(char type, byte[] bytes, int offset, int length, Charset charset) {
        switch (Character.toUpperCase(type)) {
            case 'C': {
                String s = new String(bytes, offset, length, charset);
                s = stripNul(s).strip();
                return s.isEmpty() ? null : s;
            }
            case 'N':
            case 'F': {
                String s = stripNul(new String(bytes, offset, length, StandardCharsets.US_ASCII))
                        .strip();
                return s.isEmpty() || s.chars().allMatch(c -> c == '*') ? null : s;
            }
            case 'L': {
                char c = Character.toUpperCase((char) bytes[offset]);
                if (c == 'T' || c == 'Y') {
                    return "true";
                }
                if (c == 'F' || c == 'N') {
                    return "false";
                }
                return null;
            }
            case 'D': {
                String s = new String(bytes, offset, length, StandardCharsets.US_ASCII).strip();
                if (s.length() == 8 && s.chars().allMatch(Character::isDigit)) {
                    return s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6, 8);
                }
                return null;
            }
            default:
                return null;
        }
    }

    private static String stripNul(String s) {
        int end = s.indexOf('\0');
        return end < 0 ? s : s.substring(0, end);
    }
}
