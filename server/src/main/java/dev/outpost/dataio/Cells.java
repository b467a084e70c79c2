package dev.outpost.dataio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Small helpers on cell texts shared by the readers and writers. Stateless. */
final class Cells {
    /** How many non-empty rows at the top of a table are searched for its header. */
    static final int HEADER_SEARCH_ROWS = 10;

    private Cells() {}

    /**
     * The index of the header among the first non-empty rows of a table: the first that names at least two known
     * columns, else the first. Rows above it are taken for a title, with a warning.
     */
    static int findHeader(List<RawTable.RawRow> firstRows, Predicate<String> knownColumn, Problems problems) {
        for (int i = 0; i < firstRows.size(); i++) {
            long known = firstRows.get(i).cells().stream()
                    .filter(c -> c != null && knownColumn.test(c.strip()))
                    .count();
            if (known >= 2) {
                if (i > 0) {
                    int row = firstRows.get(i).row();
                    problems.warning(
                            0,
                            null,
                            "rows above row " + row + " were taken for a title and ignored; the header is row " + row);
                }
                return i;
            }
        }
        return 0;
    }

    /** The trimmed cell of a field; null when absent or blank. */
    static String cell(RawTable.RawRow raw, Map<String, Integer> columns, String field) {
        Integer index = columns.get(field);
        return index == null ? null : raw.cell(index);
    }

    /**
     * Parses a decimal number, accepting full-width digits and signs (１１６．４) and a trailing degree sign; null when the
     * text is not a number.
     */
    static BigDecimal number(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                c = (char) ('0' + (c - '０'));
            } else if (c == '．' || c == '。') {
                c = '.';
            } else if (c == '－' || c == '−') {
                c = '-';
            } else if (c == '＋') {
                c = '+';
            } else if (c == '°') {
                continue;
            }
            sb.append(c);
        }
        String s = sb.toString().strip();
        if (s.isEmpty() || !s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        return new BigDecimal(s);
    }

    /** A double as the shortest plain decimal that reads back to it: 116.397128, 20, -12.5. */
    static String plain(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    static boolean isBlank(List<String> cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    static List<String> trimmed(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String c : cells) {
            out.add(c == null ? "" : c.strip());
        }
        return out;
    }
}
