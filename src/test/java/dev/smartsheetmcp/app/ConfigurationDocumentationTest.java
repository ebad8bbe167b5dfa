package dev.smartsheetmcp.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every tunable is a documented property: in application.properties, with a comment, and in docs/configuration.md. */
class ConfigurationDocumentationTest {

    private static final Pattern PROPERTY = Pattern.compile("^([\\w.\\-\\[\\]]+)\\s*=", Pattern.MULTILINE);
    private static final Pattern TEMPLATE_PARAMETERS =
            Pattern.compile("- routeTemplate:.*?\\n    parameters:\\n(.*?)\\n    route:", Pattern.DOTALL);
    private static final Pattern PARAMETER_NAME = Pattern.compile("^\\s*- name: (\\S+)$", Pattern.MULTILINE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z][\\w.\\-]*)(?::[^}]*)?}}");

    @Test
    void everyPlaceholderInTheRoutesIsAPropertyOfApplicationProperties() throws IOException {
        Set<String> properties = properties();
        Set<String> used = new LinkedHashSet<>();
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path route : routes.toList()) {
                String yaml = Files.readString(route);
                Matcher matcher = PLACEHOLDER.matcher(yaml);
                while (matcher.find()) used.add(matcher.group(1));
                used.removeAll(templateParameters(yaml));
            }
        }
        assertThat(properties).containsAll(used);
    }

    @Test
    void everyPropertyIsInTheConfigurationReferenceTable() throws IOException {
        String reference = Files.readString(Path.of("docs", "configuration.md"));
        assertThat(properties()).allSatisfy(property -> assertThat(reference).contains("| `" + property + "` |"));
    }

    @Test
    void everyPropertyHasACommentAboveItOrItsGroup() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("application.properties"));
        for (int i = 0; i < lines.size(); i++) {
            if (!PROPERTY.matcher(lines.get(i)).find()) continue;
            int above = i - 1;
            while (above >= 0 && PROPERTY.matcher(lines.get(above)).find()) above--;
            assertThat(above >= 0 && lines.get(above).startsWith("#")).as("a comment above " + lines.get(i)).isTrue();
        }
    }

    /** The parameters a routeTemplate declares: its {{name}} placeholders are not properties. */
    private static Set<String> templateParameters(String yaml) {
        Set<String> names = new LinkedHashSet<>();
        Matcher template = TEMPLATE_PARAMETERS.matcher(yaml);
        while (template.find()) {
            Matcher name = PARAMETER_NAME.matcher(template.group(1));
            while (name.find()) names.add(name.group(1));
        }
        return names;
    }

    private static Set<String> properties() throws IOException {
        Set<String> properties = new LinkedHashSet<>();
        Matcher matcher = PROPERTY.matcher(Files.readString(Path.of("application.properties")));
        while (matcher.find()) properties.add(matcher.group(1));
        return properties;
    }
}
