package dev.smartsheetmcp.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One {@link SandboxApp} for the whole test class, started before its {@code @BeforeAll} methods
 * and stopped after its {@code @AfterAll} methods (see {@link SandboxAppExtension}); inherited, so
 * that each subclass of an annotated base class gets its own.
 *
 * <p>The class's static fields of type {@link SandboxApp} and
 * {@link io.modelcontextprotocol.client.McpSyncClient} are set, and test, lifecycle and constructor
 * parameters of those types are resolved: one MCP client session for the class, opened on first
 * use and closed before the application stops.
 *
 * <p>Settings: {@link #value()} as {@code key=value} pairs, then a static {@code Map<String, String>}
 * field annotated {@link Settings} for settings computed in code; {@link #unthrottledModel()} adds
 * {@link SandboxApp#unthrottledModel} first.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SandboxAppExtension.class)
public @interface SandboxApplication {

    /** Property overrides as {@code key=value}. */
    String[] value() default {};

    /** Limits so high that the model's RPM and TPM throttles never wait. */
    boolean unthrottledModel() default false;

    /** The class's client session sends {@code Authorization: Bearer <clientToken>} when set. */
    String clientToken() default "";

    /** Marks a static {@code Map<String, String>} field with more property overrides. */
    @Documented
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Settings {
    }
}
