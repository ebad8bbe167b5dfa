package dev.smartsheetmcp.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.smartsheetmcp.testing.SandboxApp;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The HTTP port listens on loopback only unless told otherwise; then the Host header may name
 * this machine however the network knows it. On Linux all of 127.0.0.0/8 is
 * this machine, so a server bound to 127.0.0.1 refuses 127.0.0.2 while one bound to 0.0.0.0
 * accepts it.
 */
class BindAddressTest {

    @Test
    void bindsToLoopbackByDefault() throws Exception {
        try (SandboxApp app = SandboxApp.start()) {
            int port = URI.create(app.baseUrl()).getPort();
            assertThat(connects("127.0.0.1", port)).isTrue();
            assertThatThrownBy(() -> connects("127.0.0.2", port)).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void bindsToAllInterfacesWhenToldAndWarnsThatNoTokenIsSet() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(EmbeddedHttpServer.class)).addAppender(log);
        try (SandboxApp app = SandboxApp.start(Map.of("http.host", "0.0.0.0"))) {
            int port = URI.create(app.baseUrl()).getPort();
            assertThat(connects("127.0.0.2", port)).isTrue();
            assertThat(HttpTransportSecurityTest.statusOfGet(port, "mcp.example.internal:" + port, "/health")).isEqualTo(200);
            assertThat(log.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
                    .contains("bound to 0.0.0.0").contains("MCP_AUTH_TOKEN is not set"));
        } finally {
            ((Logger) LoggerFactory.getLogger(EmbeddedHttpServer.class)).detachAppender(log);
        }
    }

    private static boolean connects(String host, int port) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        }
    }
}
