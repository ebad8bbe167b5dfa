package dev.smartsheetmcp.mcp.transport;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.net.InetAddress;
import java.util.EnumSet;
import org.apache.camel.CamelContext;
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

    private EmbeddedHttpServer(Server server) {
        this.server = server;
    }

    public static EmbeddedHttpServer start(CamelContext context, HttpServlet mcpServlet, HttpSecurity security,
                                           CallMessages messages)
            throws Exception {
        String host = context.resolvePropertyPlaceholders("{{http.host}}");
        int port = Integer.parseInt(context.resolvePropertyPlaceholders("{{http.port}}"));
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

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
        LOG.info("HTTP listening on http://{}:{} (/mcp, /health), bearer token {}", host, connector.getLocalPort(),
                security.authenticates() ? "required" : "not required");
        if (!loopback && !security.authenticates()) {
            LOG.warn("HTTP is bound to {}, reachable from other machines, and MCP_AUTH_TOKEN is not set: anyone who"
                    + " can reach port {} can use this server's Smartsheet and Azure OpenAI credentials",
                    host, connector.getLocalPort());
        }
        return new EmbeddedHttpServer(server);
    }

    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly: {}", e.toString());
        }
    }
}
