package dev.smartsheetmcp.app;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.camel.support.scan.DefaultPackageScanResourceResolver;
import org.apache.camel.util.IOHelper;

/**
 * Camel's search of the classpath for resources ({@code classpath:routes/*.yaml}, the tool and
 * prompt files), listing a jar's names from its central directory, once per jar. Camel's own
 * reads the jar as a stream, which inflates every entry of the 90 MB application jar to reach the
 * next name, on every search.
 */
final class JarDirectoryScan extends DefaultPackageScanResourceResolver {

    private final Map<String, List<String>> namesByJar = new ConcurrentHashMap<>();

    @Override
    protected List<String> doLoadImplementationsInJar(String packageName, InputStream stream, String urlPath,
                                                      Predicate<String> filter) {
        File jar = new File(urlPath);
        List<String> names = jar.isFile() ? namesByJar.computeIfAbsent(jar.getAbsolutePath(), path -> names(jar)) : null;
        if (names == null) {
            return super.doLoadImplementationsInJar(packageName, stream, urlPath, filter);
        }
        IOHelper.close(stream);
        Predicate<String> accepted = filter != null ? filter : name -> !name.endsWith(".class");
        return names.stream().filter(name -> name.startsWith(packageName) && accepted.test(name)).toList();
    }

    /** The jar's file names, or null when it cannot be read this way (Camel's own search then tries). */
    private static List<String> names(File jar) {
        try (ZipFile zip = new ZipFile(jar)) {
            return zip.stream().filter(entry -> !entry.isDirectory()).map(ZipEntry::getName).map(String::trim).toList();
        } catch (IOException e) {
            return null;
        }
    }
}
