package dev.smartsheetmcp.mcp.transport;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.net.InetAddress;
import java.util.EnumSet;
import org.apache.camel.component.servlet.CamelHttpTransportServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP port: {@code /mcp} is the MCP SDK's Streamable HTTP servlet, every other path
 * goes to Camel's servlet, where routes such as {@code servlet:/health} answer. Every request
 * passes {@link HttpSecurity} first.
 */
public final class EmbeddedHttpServer {

    public static final String MCP_ENDPOINT = "/mcp";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedHttpServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final HttpSecurity security;
    private final boolean loopback;

    private EmbeddedHttpServer(Server server, ServerConnector connector, HttpSecurity security, boolean loopback) {
        this.server = server;
        this.connector = connector;
        this.security = security;
        this.loopback = loopback;
    }

    /**
     * Jetty with its servlets, filters and security, started but not yet listening: the start-up
     * does this while Camel builds its routes, and {@link #listen()} opens the port once they run.
     */
    public static EmbeddedHttpServer prepare(String host, int port, HttpServlet mcpServlet, HttpSecurity security,
                                             CallMessages messages)
            throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);

        ServletContextHandler handler = new ServletContextHandler();
        handler.setContextPath("/");
        ServletHolder mcp = new ServletHolder("mcp", mcpServlet);
        mcp.setAsyncSupported(true);
        handler.addServlet(mcp, MCP_ENDPOINT);
        handler.addFilter(new FilterHolder(new CallMessageFilter(messages, security.maxRequestBytes())), MCP_ENDPOINT,
                EnumSet.of(DispatcherType.REQUEST));
        ServletHolder camel = new ServletHolder("CamelServlet", new CamelHttpTransportServlet());
        camel.setAsyncSupported(true);
        handler.addServlet(camel, "/*");
        boolean loopback = InetAddress.getByName(host).isLoopbackAddress();
        server.setHandler(security.protect(handler, MCP_ENDPOINT, loopback));
        server.start();
        return new EmbeddedHttpServer(server, connector, security, loopback);
    }

    /** Opens the port. */
    public void listen() throws Exception {
        server.addConnector(connector);
        if (!connector.isStarted()) connector.start();
        String host = connector.getHost();
        LOG.info("HTTP listening on http://{}:{} (/mcp, /health), bearer token {}", host, connector.getLocalPort(),
                security.authenticates() ? "required" : "not required");
        if (!loopback && !security.authenticates()) {
            LOG.warn("HTTP is bound to {}, reachable from other machines, and MCP_AUTH_TOKEN is not set: anyone who"
                    + " can reach port {} can use this server's Smartsheet and Azure OpenAI credentials",
                    host, connector.getLocalPort());
        }
    }

    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly: {}", e.toString());
        }
    }
}
