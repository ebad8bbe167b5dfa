package dev.smartsheetmcp.mcp.transport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * {@link CallMessages} on {@code POST /mcp}: the session is the {@code Mcp-Session-Id} header. A
 * handled cancellation is answered 202 Accepted, as the SDK answers a notification. A body over the
 * size limit is passed on unread, for the SDK to refuse.
 */
final class CallMessageFilter extends HttpFilter {

    private final CallMessages messages;
    private final long maxRequestBytes;

    CallMessageFilter(CallMessages messages, long maxRequestBytes) {
        this.messages = messages;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) || request.getContentLengthLong() > maxRequestBytes) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) maxRequestBytes + 1);
        String passed = body.length > maxRequestBytes ? null
                : messages.inspect(String.valueOf(request.getHeader("Mcp-Session-Id")), new String(body, StandardCharsets.UTF_8));
        if (body.length <= maxRequestBytes && passed == null) {
            response.setStatus(HttpServletResponse.SC_ACCEPTED);
            return;
        }
        chain.doFilter(new Body(request, passed == null ? body : passed.getBytes(StandardCharsets.UTF_8)), response);
    }

    /** The request with the body as inspected. */
    private static final class Body extends HttpServletRequestWrapper {

        private final byte[] body;

        Body(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }
    }
}
