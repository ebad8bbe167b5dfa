package dev.smartsheetmcp.mcp.transport;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * Keeps the process's real stdout for the stdio transport and sends everything else that
 * writes to {@code System.out} to stderr, because stdout belongs to the protocol.
 */
public final class StandardStreams {

    private static PrintStream protocolOut = System.out;
    private static final InputStream PROTOCOL_IN = System.in;

    private StandardStreams() {
    }

    /** Call once, first thing in main. */
    public static synchronized void reserveStdoutForProtocol() {
        if (System.out != System.err) {
            protocolOut = System.out;
            System.setOut(System.err);
        }
    }

    public static PrintStream protocolOut() {
        return protocolOut;
    }

    public static InputStream protocolIn() {
        return PROTOCOL_IN;
    }
}
