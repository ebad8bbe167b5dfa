package dev.smartsheetmcp.toolkit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.apache.camel.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the MCP server that a resource changed, at most once per {@code interval} for each URI:
 * a change inside the interval is held and sent when it ends, so the last state always reaches a
 * subscriber (a job's end included), a second late at most. Features report changes; the MCP
 * server, once started, listens. Without a listener a change is dropped. A Camel service: its
 * timer thread ends with the application.
 */
public final class ResourceChanges implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceChanges.class);

    private final long intervalNanos;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "resource-changes");
        thread.setDaemon(true);
        return thread;
    });
    /** Per URI: when it was last sent (System.nanoTime), and whether a change waits for the next send. */
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private volatile Consumer<String> listener;

    private static final class Slot {
        long lastSent;
        boolean pending;
    }

    public ResourceChanges(long intervalMillis) {
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(intervalMillis, 0));
    }

    /** The MCP server's way of telling its subscribers; replaces the previous one. */
    public void listen(Consumer<String> listener) {
        this.listener = listener;
    }

    /** Notes that the resource at {@code uri} changed; never throws. */
    public void changed(String uri) {
        if (listener == null) return;
        long delay;
        Slot slot = slots.computeIfAbsent(uri, key -> new Slot());
        synchronized (slot) {
            if (slot.pending) return;
            long now = System.nanoTime();
            long due = slot.lastSent == 0 ? now : slot.lastSent + intervalNanos;
            slot.pending = true;
            delay = Math.max(due - now, 0);
        }
        if (delay == 0) {
            send(uri, slot);
            return;
        }
        try {
            timer.schedule(() -> send(uri, slot), delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Resource update for {} dropped: stopping", uri);
        }
    }

    private void send(String uri, Slot slot) {
        synchronized (slot) {
            slot.pending = false;
            slot.lastSent = System.nanoTime();
        }
        Consumer<String> current = listener;
        try {
            if (current != null) current.accept(uri);
        } catch (RuntimeException e) {
            LOG.debug("Resource update for {} not sent: {}", uri, e.getMessage());
        }
        forgetOldSlots();
    }

    /** Slots last sent more than an interval ago hold nothing a later change needs. */
    private void forgetOldSlots() {
        if (slots.size() < 1_000) return;
        long now = System.nanoTime();
        slots.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                return !entry.getValue().pending && now - entry.getValue().lastSent > intervalNanos;
            }
        });
    }

    @Override
    public void start() {
        // the timer thread starts with the first held change
    }

    @Override
    public void stop() {
        listener = null;
        timer.shutdownNow();
    }
}
