package dev.smartsheetmcp.mcp.transport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/** Passes stdin through and runs a callback once when it ends: the MCP client has gone. */
public final class EndOfInputSignal extends FilterInputStream {

    private final Runnable onEnd;
    private final AtomicBoolean ended = new AtomicBoolean();

    public EndOfInputSignal(InputStream in, Runnable onEnd) {
        super(in);
        this.onEnd = onEnd;
    }

    @Override
    public int read() throws IOException {
        return signalAtEnd(super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return signalAtEnd(super.read(buffer, offset, length));
    }

    private int signalAtEnd(int result) {
        if (result < 0 && ended.compareAndSet(false, true)) onEnd.run();
        return result;
    }
}
