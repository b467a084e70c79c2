package dev.outpost.dataio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields a reader knows and the column names (aliases) that mean each. Header matching ignores case,
 * surrounding blanks, a byte-order mark, the difference between spaces, hyphens and underscores, and a trailing
 * unit in brackets ("经度(WGS84)", "座位数（个）"). Immutable and thread-safe.
 */
final class ColumnSchema {
    private static final Pattern TRAILING_BRACKETS = Pattern.compile("\\s*[(（\\[【][^)）\\]】]*[)）\\]】]\\s*$");

    private final List<String> fields;
    private final Map<String, String> fieldByAlias = new HashMap<>();
    private final Map<String, Integer> aliasRank = new HashMap<>();
    private final Set<String> rankedFields;

    /** @param aliases for each canonical field (in display order), its aliases; the field name is an alias too */
    ColumnSchema(LinkedHashMap<String, List<String>> aliases) {
        this(aliases, Set.of());
    }

    /**
     * @param aliases for each canonical field (in display order), its aliases; the field name is an alias too
     * @param rankedFields fields for which two matching columns are not an error: the column whose alias comes first
     *     in the list wins, with a warning
     */
    ColumnSchema(LinkedHashMap<String, List<String>> aliases, Set<String> rankedFields) {
        this.fields = List.copyOf(aliases.keySet());
        this.rankedFields = Set.copyOf(rankedFields);
        for (Map.Entry<String, List<String>> e : aliases.entrySet()) {
            put(e.getKey(), e.getKey(), -1);
            int rank = 0;
            for (String alias : e.getValue()) {
                put(alias, e.getKey(), rank++);
            }
        }
    }

    private void put(String alias, String field, int rank) {
        String key = normalize(alias);
        String previous = fieldByAlias.put(key, field);
        if (previous != null && !previous.equals(field)) {
            throw new IllegalStateException("column alias '" + alias + "' means both " + previous + " and " + field);
        }
        aliasRank.putIfAbsent(key, rank);
    }

    /** The position of a header's alias in its field's list (-1 for the field name itself). */
    private int rank(String header) {
        Integer r = aliasRank.get(normalize(header));
        return r == null ? Integer.MAX_VALUE : r;
    }

    List<String> fields() {
        return fields;
    }

    static String normalize(String header) {
        String h = header == null ? "" : header.replace("\uFEFF", "").replace('\u3000', ' ');
        return h.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
    }

    /** The canonical field a header names, or null. */
    String fieldFor(String header) {
        String n = normalize(header);
        String field = fieldByAlias.get(n);
        if (field == null) {
            String bare =
                    TRAILING_BRACKETS.matcher(header == null ? "" : header).replaceAll("");
            if (!bare.equals(header)) {
                field = fieldByAlias.get(normalize(bare));
            }
        }
        return field;
    }

    boolean isKnown(String header) {
        return fieldFor(header) != null;
    }

    /**
     * Maps each field to the column that holds it.
     *
     * @param explicit the caller's mapping field → column name, which wins over aliases; may be empty
     * @param reserved column names the caller uses otherwise; they are not matched and not reported
     * @return field → column index for the fields found
     */
    Map<String, Integer> match(RawTable table, Map<String, String> explicit, Set<String> reserved, Problems problems) {
        Set<String> reservedNormalized = new HashSet<>();
        reserved.forEach(r -> reservedNormalized.add(normalize(r)));
        int headerRow = table.headerRow();
        List<String> header = table.header();
        Map<String, Integer> out = new LinkedHashMap<>();
        boolean[] used = new boolean[header.size()];
        for (Map.Entry<String, String> e : explicit.entrySet()) {
            if (!fields.contains(e.getKey())) {
                throw new IllegalArgumentException("field mapping names the unknown field '" + e.getKey()
                        + "'; expected one of " + String.join(", ", fields));
            }
            int index = -1;
            for (int i = 0; i < header.size(); i++) {
                if (normalize(header.get(i)).equals(normalize(e.getValue()))) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                problems.error(
                        0,
                        e.getKey(),
                        "the column '" + e.getValue() + "' chosen for field '" + e.getKey()
                                + "' is not in the file; its columns are: " + String.join(", ", header));
            } else {
                out.put(e.getKey(), index);
                used[index] = true;
            }
        }
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (used[i]) {
                continue;
            }
            String name = header.get(i);
            if (name == null || name.isBlank() || reservedNormalized.contains(normalize(name))) {
                continue;
            }
            String field = fieldFor(name);
            if (field == null) {
                unknown.add(name);
            } else if (explicit.containsKey(field)) {
                problems.warning(
                        headerRow,
                        field,
                        "column '" + name + "' was ignored: field '" + field + "' is taken from column '"
                                + explicit.get(field) + "' as requested");
            } else if (out.containsKey(field) && rankedFields.contains(field)) {
                String other = header.get(out.get(field));
                String winner = rank(name) < rank(other) ? name : other;
                String loser = winner.equals(name) ? other : name;
                if (winner.equals(name)) {
                    out.put(field, i);
                }
                problems.warning(
                        headerRow,
                        field,
                        "columns '" + other + "' and '" + name + "' could both be field '"
                                + field + "'; '" + winner + "' was taken and '" + loser
                                + "' ignored (choose another with a"
                                + " field mapping)");
            } else if (out.containsKey(field)) {
                problems.error(
                        headerRow,
                        field,
                        "columns '" + header.get(out.get(field)) + "' and '" + name + "' both hold field '" + field
                                + "'; keep one of them");
            } else {
                out.put(field, i);
            }
        }
        for (String name : unknown) {
            problems.warning(
                    headerRow,
                    name,
                    "column '" + name + "' is not a known field and was ignored; known fields: "
                            + String.join(", ", fields));
        }
        return out;
    }
}
