package dev.outpost.station;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds an enum constant by any of its names (code, labels, constant name), ignoring case, surrounding blanks and
 * the difference between spaces, hyphens and underscores. Immutable and thread-safe.
 */
final class CodeLookup<E extends Enum<E>> {
    private final String what;
    private final Map<String, E> byKey = new LinkedHashMap<>();
    private final String expected;

    /**
     * @param what the noun for error messages, e.g. "station kind"
     * @param keys every accepted name of a constant
     * @param display how a constant is listed in error messages, e.g. "driver_home (司机之家)"
     */
    CodeLookup(String what, E[] values, Function<E, List<String>> keys, Function<E, String> display) {
        this.what = what;
        for (E e : values) {
            for (String k : keys.apply(e)) {
                E previous = byKey.put(normalize(k), e);
                if (previous != null && previous != e) {
                    throw new IllegalStateException(what + " name '" + k + "' is ambiguous");
                }
            }
        }
        this.expected = Arrays.stream(values).map(display).collect(Collectors.joining(", "));
    }

    static String normalize(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
    }

    /** The constant named by {@code text}, or null. */
    E find(String text) {
        return text == null ? null : byKey.get(normalize(text));
    }

    /** @throws IllegalArgumentException naming the value and listing the accepted ones */
    E parse(String text) {
        E e = find(text);
        if (e == null) {
            throw new IllegalArgumentException(unknown(List.of("'" + text + "'")));
        }
        return e;
    }

    /** "unknown station service(s) 'a', 'b'; expected one of ..." for already quoted values. */
    String unknown(List<String> quotedValues) {
        String plural = quotedValues.size() == 1 ? "" : "s";
        return "unknown " + what + plural + " " + String.join(", ", quotedValues) + "; expected one of " + expected;
    }
}
