package dev.smartsheetmcp.analysis.azure;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The settings of the deployments whose quotas are pooled: {@code azure.deployments} lists their
 * ids ({@code AZURE_OPENAI_DEPLOYMENTS=east,west}); each id has its own settings, as properties
 * {@code azure.deployments.<id>.<field>} or environment variables
 * {@code AZURE_OPENAI_DEPLOYMENTS_<ID>_<FIELD>} (id upper-cased, '-' as '_'):
 * {@code endpoint} (required), {@code api-key-env} (required: the NAME of the environment variable
 * holding the key, never the key), {@code deployment} (the deployment's name at Azure, default the
 * id), {@code rpm} and {@code tpm} (default {@code azure.rpm} and {@code azure.tpm}). Problems are
 * lines naming the setting; values are never echoed.
 */
public final class PooledDeployments {

    public static final String LIST = "azure.deployments";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern DEPLOYMENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** One member of the pool; {@code apiKey} is the resolved secret (never printed: see toString). */
    public record Member(String id, String endpoint, String deployment, String apiKeyEnv, String apiKey,
                         int requestsPerMinute, int tokensPerMinute) {
        @Override
        public String toString() {
            return "Member[" + id + ", " + deployment + " at " + endpoint + ", " + requestsPerMinute + " RPM, "
                    + tokensPerMinute + " TPM, key from " + apiKeyEnv + "]";
        }
    }

    private final Function<String, String> property;
    private final Function<String, String> environment;
    private final List<String> problems = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();

    private PooledDeployments(Function<String, String> property, Function<String, String> environment) {
        this.property = property;
        this.environment = environment;
        read();
    }

    /** Reads the pool; {@code property} resolves application properties, {@code environment} variables. */
    public static PooledDeployments read(Function<String, String> property, Function<String, String> environment) {
        return new PooledDeployments(property, environment);
    }

    /** The members in the order listed; empty when {@code azure.deployments} is empty or has problems. */
    public List<Member> members() {
        return problems.isEmpty() ? List.copyOf(members) : List.of();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    private void read() {
        String list = blankToEmpty(property.apply(LIST));
        if (list.isEmpty()) return;
        Set<String> ids = new LinkedHashSet<>();
        for (String id : list.split(",")) {
            String trimmed = id.trim();
            if (!ID.matcher(trimmed).matches()) {
                problems.add("AZURE_OPENAI_DEPLOYMENTS: '" + trimmed + "' is not a deployment id (lower-case letters,"
                        + " digits and '-', at most 32, comma-separated)");
            } else if (!ids.add(trimmed)) {
                problems.add("AZURE_OPENAI_DEPLOYMENTS: '" + trimmed + "' is listed twice");
            }
        }
        for (String id : ids) {
            Member member = member(id);
            if (member != null) members.add(member);
        }
    }

    private Member member(String id) {
        int before = problems.size();
        String endpoint = setting(id, "endpoint");
        if (endpoint.isEmpty()) problem(id, "endpoint", "is empty; set it to the resource's https:// URL");
        else if (!httpUrl(endpoint)) problem(id, "endpoint", "is not an http(s) URL without credentials");
        String deployment = setting(id, "deployment");
        if (deployment.isEmpty()) deployment = id;
        if (!DEPLOYMENT_NAME.matcher(deployment).matches()) {
            problem(id, "deployment", "is not a deployment name (letters, digits, '.', '_' and '-', at most 64)");
        }
        String keyEnv = setting(id, "api-key-env");
        String key = "";
        if (keyEnv.isEmpty()) {
            problem(id, "api-key-env", "is empty; set it to the name of the environment variable holding the key");
        } else if (!ENV_NAME.matcher(keyEnv).matches()) {
            problem(id, "api-key-env", "must name an environment variable (letters, digits and '_'), not hold the key");
        } else {
            key = secret(keyEnv);
            if (key.isEmpty()) problem(id, "api-key-env", "names " + keyEnv + ", which is not set");
        }
        int rpm = positive(id, "rpm", "azure.rpm");
        int tpm = positive(id, "tpm", "azure.tpm");
        if (problems.size() > before) return null;
        return new Member(id, endpoint, deployment, keyEnv, key, rpm, tpm);
    }

    /** The key: the environment variable, else a property of that name (how the sandbox and tests give keys). */
    private String secret(String name) {
        String fromEnvironment = blankToEmpty(environment.apply(name));
        return fromEnvironment.isEmpty() ? blankToEmpty(property.apply(name)) : fromEnvironment;
    }

    private int positive(String id, String field, String fallback) {
        String value = setting(id, field);
        if (value.isEmpty()) value = blankToEmpty(property.apply(fallback));
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) return number;
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(id, field, "must be a whole number of at least 1");
        return 0;
    }

    private String setting(String id, String field) {
        String value = blankToEmpty(property.apply(LIST + "." + id + "." + field));
        return value.isEmpty() ? blankToEmpty(environment.apply(envVar(id, field))) : value;
    }

    /** {@code AZURE_OPENAI_DEPLOYMENTS_EAST_US_API_KEY_ENV} for id {@code east-us}, field {@code api-key-env}. */
    static String envVar(String id, String field) {
        return ("AZURE_OPENAI_DEPLOYMENTS_" + id + "_" + field).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private void problem(String id, String field, String what) {
        problems.add(envVar(id, field) + " (" + LIST + "." + id + "." + field + "): " + what);
    }

    private static boolean httpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null
                    && uri.getUserInfo() == null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.trim();
    }
}
