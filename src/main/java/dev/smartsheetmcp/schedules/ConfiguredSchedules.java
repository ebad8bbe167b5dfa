package dev.smartsheetmcp.schedules;

import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.jobs.JobMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Schedules defined in the configuration, as {@code schedules.<name>.<field>} properties; read at
 * start, checked (each problem one line naming the property) and upserted into the schedule table.
 */
public final class ConfiguredSchedules {

    static final String PREFIX = "schedules.";
    static final String DEFAULT_TIME_ZONE = "schedules.default-time-zone";
    static final String MISFIRE_POLICY = "schedules.misfire-policy";
    private static final Set<String> FIELDS = Set.of("cron", "time-zone", "sheet-id", "type", "source-columns",
            "target-column", "custom-goal", "priority", "batch-size", "full-rerun", "overwrite-edited", "enabled", "mode");

    private final Function<String, String> property;
    private final List<String> problems = new ArrayList<>();
    private final List<Schedule> schedules = new ArrayList<>();

    private ConfiguredSchedules(Function<String, String> property) {
        this.property = property;
    }

    public static ConfiguredSchedules read(PropertiesComponent properties) {
        Set<String> keys = properties.loadProperties(key -> key.startsWith(PREFIX)).stringPropertyNames();
        ConfiguredSchedules configured = new ConfiguredSchedules(key -> properties.resolveProperty(key).orElse(null));
        configured.checkSettings();
        String defaultZone = configured.value(DEFAULT_TIME_ZONE).orElse("UTC");
        names(keys).forEach(name -> configured.readSchedule(name, defaultZone));
        return configured;
    }

    public List<String> problems() {
        return problems;
    }

    public List<Schedule> schedules() {
        return schedules;
    }

    /** {@code schedules.a.b.cron} names schedule {@code a.b}: the last segment is the field. */
    private static Set<String> names(Set<String> keys) {
        Set<String> names = new TreeSet<>();
        for (String key : keys) {
            int dot = key.lastIndexOf('.');
            if (dot > PREFIX.length() && FIELDS.contains(key.substring(dot + 1))) {
                names.add(key.substring(PREFIX.length(), dot));
            }
        }
        return names;
    }

    private void checkSettings() {
        value(DEFAULT_TIME_ZONE).flatMap(ScheduleRules::timeZoneProblem).ifPresent(p -> problem(DEFAULT_TIME_ZONE, p));
        value(MISFIRE_POLICY).filter(policy -> MisfirePolicy.parse(policy).isEmpty())
                .ifPresent(policy -> problem(MISFIRE_POLICY, "must be " + MisfirePolicy.allowedValues()));
    }

    private void readSchedule(String name, String defaultZone) {
        int before = problems.size();
        String key = PREFIX + name + ".";
        ScheduleRules.nameProblem(name).ifPresent(p -> problem(key + "*", "the schedule name " + p));
        String zone = value(key + "time-zone").orElse(defaultZone);
        ScheduleRules.timeZoneProblem(zone).ifPresent(p -> problem(key + "time-zone", p));
        String cron = required(key + "cron");
        if (cron != null) ScheduleRules.cronProblem(cron, zone).ifPresent(p -> problem(key + "cron", p));
        Long sheetId = sheetId(key + "sheet-id");
        String type = type(key + "type");
        List<String> sources = sourceColumns(key + "source-columns");
        String target = required(key + "target-column");
        String goal = value(key + "custom-goal").orElse(null);
        if ("custom".equals(type) && goal == null) problem(key + "custom-goal", "is required for type custom");
        int priority = number(key + "priority", -100, 100).orElse(0);
        Integer batchSize = number(key + "batch-size", 1, 500).orElse(null);
        boolean fullRerun = flag(key + "full-rerun", false);
        boolean overwrite = flag(key + "overwrite-edited", false);
        boolean enabled = flag(key + "enabled", true);
        JobMode mode = mode(key + "mode");
        if (problems.size() > before) return;
        schedules.add(new Schedule(name, Schedule.Source.CONFIG, cron, zone, sheetId, type, sources, target,
                "custom".equals(type) ? goal : null, priority, batchSize, overwrite, fullRerun, enabled, mode));
    }

    private String required(String key) {
        Optional<String> value = value(key);
        if (value.isEmpty()) problem(key, "is required");
        return value.orElse(null);
    }

    private Long sheetId(String key) {
        String value = required(key);
        if (value == null) return null;
        if (!value.matches("\\d{1,19}")) {
            problem(key, "must be a Smartsheet sheet id (digits only)");
            return null;
        }
        return Long.parseLong(value);
    }

    private String type(String key) {
        String value = required(key);
        if (value == null) return null;
        try {
            return AnalysisType.parse(value).wireName();
        } catch (IllegalArgumentException e) {
            problem(key, "must be one of " + AnalysisType.allowedValues());
            return null;
        }
    }

    private List<String> sourceColumns(String key) {
        String value = required(key);
        if (value == null) return null;
        List<String> titles = Arrays.stream(value.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        if (titles.isEmpty()) problem(key, "must name at least one column (comma-separated titles)");
        return titles;
    }

    private JobMode mode(String key) {
        Optional<String> value = value(key);
        if (value.isEmpty()) return JobMode.ONLINE;
        try {
            JobMode mode = JobMode.fromWire(value.get());
            if (mode == JobMode.BATCH && value("azure.batch.deployment").isEmpty()) {
                problem(key, "batch needs a Global-Batch deployment: set azure.batch.deployment (AZURE_OPENAI_BATCH_DEPLOYMENT)");
            }
            return mode;
        } catch (IllegalArgumentException e) {
            problem(key, "must be online or batch");
            return JobMode.ONLINE;
        }
    }

    private Optional<Integer> number(String key, int min, int max) {
        Optional<String> value = value(key);
        if (value.isEmpty()) return Optional.empty();
        try {
            int number = Integer.parseInt(value.get());
            if (number >= min && number <= max) return Optional.of(number);
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem(key, "must be a whole number from " + min + " to " + max);
        return Optional.empty();
    }

    private boolean flag(String key, boolean fallback) {
        Optional<String> value = value(key);
        if (value.isEmpty()) return fallback;
        if (!value.get().equalsIgnoreCase("true") && !value.get().equalsIgnoreCase("false")) {
            problem(key, "must be true or false");
            return fallback;
        }
        return Boolean.parseBoolean(value.get());
    }

    private Optional<String> value(String key) {
        return Optional.ofNullable(property.apply(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private void problem(String key, String what) {
        problems.add(key + ": " + what);
    }
}
