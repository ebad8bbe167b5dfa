package dev.smartsheetmcp.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The route files hold routes only: no {@code - beans:} block and no modeline, which Camel Main
 * would need its pre-parse for, and which {@link RoutesReadOnce} skips (beans come from the
 * configuration classes).
 */
class RouteFilesTest {

    @Test
    void routeFilesHoldNeitherBeansNorModelines() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of("routes"))) {
            files = listed.filter(file -> file.toString().endsWith(".yaml")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).as(file + ": beans belong in a *Configuration class")
                    .noneMatch(line -> line.matches("^-\\s*beans:.*"));
            assertThat(lines).as(file + ": modelines are not read").noneMatch(line -> line.matches("^#\\s*camel-k:.*"));
        }
    }
}
