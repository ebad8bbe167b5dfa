package dev.smartsheetmcp.app;

import jakarta.servlet.http.HttpServlet;
import org.apache.camel.CamelContext;
import org.apache.camel.component.servlet.CamelHttpTransportServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP port: {@code /mcp} is the MCP SDK's Streamable HTTP servlet, every other path
 * goes to Camel's servlet, where routes such as {@code servlet:/health} answer.
 */
public final class EmbeddedHttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedHttpServer.class);

    private final Server server;

    private EmbeddedHttpServer(Server server) {
        this.server = server;
    }

    public static EmbeddedHttpServer start(CamelContext context, HttpServlet mcpServlet) throws Exception {
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
        handler.addServlet(mcp, "/mcp");
        ServletHolder camel = new ServletHolder("CamelServlet", new CamelHttpTransportServlet());
        camel.setAsyncSupported(true);
        handler.addServlet(camel, "/*");
        server.setHandler(handler);
        server.start();
        LOG.info("HTTP listening on http://{}:{} (/mcp, /health)", host, connector.getLocalPort());
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
