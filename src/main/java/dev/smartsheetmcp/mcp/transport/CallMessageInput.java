package dev.smartsheetmcp.mcp.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** stdin over stdio, one JSON-RPC message a line, each passed through {@link CallMessages} on its way to the SDK. */
public final class CallMessageInput extends InputStream {

    private static final String SESSION = "stdio";

    private final BufferedReader lines;
    private final CallMessages messages;
    private byte[] pending = new byte[0];
    private int position;

    public CallMessageInput(InputStream in, CallMessages messages) {
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.messages = messages;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) return -1;
        return pending[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) return 0;
        if (!fill()) return -1;
        int count = Math.min(length, pending.length - position);
        System.arraycopy(pending, position, buffer, offset, count);
        position += count;
        return count;
    }

    private boolean fill() throws IOException {
        while (position >= pending.length) {
            String line = lines.readLine();
            if (line == null) return false;
            String passed = line.isBlank() ? line : messages.inspect(SESSION, line);
            if (passed == null) continue;
            pending = (passed + "\n").getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        return true;
    }
}
