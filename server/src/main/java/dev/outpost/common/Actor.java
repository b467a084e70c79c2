package dev.outpost.common;

import java.util.function.Supplier;

/**
 * Who is making the current change, for the audit log: a user name, {@code "cli"}, {@code "system"}, or
 * {@code "anonymous"}. Bound per thread by the HTTP layer and the command line for the duration of one request or
 * command; {@code "system"} when unbound.
 */
public final class Actor {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Actor() {}

    public static String current() {
        String a = CURRENT.get();
        return a == null ? "system" : a;
    }

    /** Runs {@code work} with {@code actor} bound, restoring the previous binding afterwards. */
    public static <T> T as(String actor, Supplier<T> work) {
        String previous = CURRENT.get();
        CURRENT.set(actor);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Binds {@code actor} to this thread until {@link #clear()}. */
    public static void bind(String actor) {
        CURRENT.set(actor);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
