package dev.outpost.siting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A handle on a running solve from another thread: cancel it, and hear of its progress. Pass it in
 * {@link SolveOptions#withControl}; the solvers poll {@link #isCancelled()} in their searches and register
 * {@link #onCancel} actions (CP-SAT's {@code stopSearch}) while a native search runs. A cancelled solve returns at
 * once with the best answer it has (its status says what was proven; the message says it was stopped).
 *
 * <p>Thread-safe. {@link #NONE}, the default, can never be cancelled and ignores progress.
 */
public final class SolveControl {
    /** The control of solves nobody watches: never cancelled; {@link #cancel()} is refused. */
    public static final SolveControl NONE = new SolveControl(p -> {}, false);

    private final Consumer<ProgressPoint> progressListener;
    private final boolean cancellable;
    private final List<Runnable> onCancel = new ArrayList<>();
    private volatile boolean cancelled;

    /** A control without a progress listener. */
    public SolveControl() {
        this(p -> {}, true);
    }

    /**
     * @param progressListener receives each progress point (objective and bound over time) of the exact search, on
     *     the solver's threads; must be quick and must not throw
     */
    public SolveControl(Consumer<ProgressPoint> progressListener) {
        this(progressListener, true);
    }

    private SolveControl(Consumer<ProgressPoint> progressListener, boolean cancellable) {
        this.progressListener = Objects.requireNonNull(progressListener, "progressListener");
        this.cancellable = cancellable;
    }

    /** Asks the solve to stop; runs the registered cancel actions once. Idempotent. */
    public void cancel() {
        if (!cancellable) {
            throw new UnsupportedOperationException("SolveControl.NONE cannot be cancelled");
        }
        List<Runnable> actions;
        synchronized (onCancel) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            actions = new ArrayList<>(onCancel);
            onCancel.clear();
        }
        for (Runnable r : actions) {
            r.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Registers an action run when the solve is cancelled (at once, on this thread, when it already is).
     *
     * @return closes the registration (call it when the guarded work is over)
     */
    public Registration onCancel(Runnable action) {
        Objects.requireNonNull(action, "action");
        synchronized (onCancel) {
            if (!cancelled) {
                onCancel.add(action);
                return () -> {
                    synchronized (onCancel) {
                        onCancel.remove(action);
                    }
                };
            }
        }
        action.run();
        return () -> {};
    }

    /** Passes a progress point to the listener. */
    public void report(ProgressPoint point) {
        progressListener.accept(point);
    }

    /** An {@link #onCancel} registration. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
