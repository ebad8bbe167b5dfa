package dev.smartsheetmcp.testing;

import io.modelcontextprotocol.client.McpSyncClient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Starts the {@link SandboxApp} a {@link SandboxApplication} class asks for, once per class, and
 * stops it when the class is done (the class's store closes it after its {@code @AfterAll}
 * methods); injects it and its MCP client session into static fields and parameters.
 */
public final class SandboxAppExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SandboxAppExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        Fixture fixture = fixture(context);
        for (Field field : ReflectionSupport.findFields(testClass, f -> Modifier.isStatic(f.getModifiers())
                && (f.getType() == SandboxApp.class || f.getType() == McpSyncClient.class), HierarchyTraversalMode.TOP_DOWN)) {
            field.setAccessible(true);
            field.set(null, field.getType() == SandboxApp.class ? fixture.app : fixture.client());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SandboxApp.class || type == McpSyncClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Fixture fixture = fixture(context);
        return parameter.getParameter().getType() == SandboxApp.class ? fixture.app : fixture.client();
    }

    /** The class's application, started on first use and kept in the class-level store. */
    private static Fixture fixture(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(Fixture.class, key -> {
            try {
                return new Fixture(SandboxApp.start(settings(classContext.getRequiredTestClass())),
                        annotation(classContext.getRequiredTestClass()).clientToken());
            } catch (Exception e) {
                throw new ParameterResolutionException("the sandbox application did not start", e);
            }
        }, Fixture.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) current = current.getParent().get();
        return current;
    }

    private static SandboxApplication annotation(Class<?> testClass) {
        return AnnotationSupport.findAnnotation(testClass, SandboxApplication.class).orElseThrow(() ->
                new ExtensionConfigurationException(testClass.getName() + " is not annotated @SandboxApplication"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> settings(Class<?> testClass) throws IllegalAccessException {
        SandboxApplication application = annotation(testClass);
        Map<String, String> settings = new HashMap<>();
        for (String pair : application.value()) {
            int equals = pair.indexOf('=');
            if (equals <= 0) throw new ExtensionConfigurationException("not key=value: '" + pair + "' on " + testClass.getName());
            settings.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        for (Field field : AnnotationSupport.findAnnotatedFields(testClass, SandboxApplication.Settings.class)) {
            if (!Modifier.isStatic(field.getModifiers()) || !Map.class.isAssignableFrom(field.getType())) {
                throw new ExtensionConfigurationException("@Settings needs a static Map<String, String> field: " + field);
            }
            field.setAccessible(true);
            settings.putAll((Map<String, String>) field.get(null));
        }
        return application.unthrottledModel() ? SandboxApp.unthrottledModel(settings) : settings;
    }

    /** The application and its one client session; closing closes both, the session first. */
    private static final class Fixture implements AutoCloseable {

        private final SandboxApp app;
        private final String clientToken;
        private McpSyncClient client;

        Fixture(SandboxApp app, String clientToken) {
            this.app = app;
            this.clientToken = clientToken;
        }

        synchronized McpSyncClient client() {
            if (client == null) client = clientToken.isEmpty() ? app.mcpClient() : app.mcpClient(clientToken);
            return client;
        }

        @Override
        public void close() throws Exception {
            try {
                synchronized (this) {
                    if (client != null) client.close();
                }
            } finally {
                app.close();
            }
        }
    }
}
