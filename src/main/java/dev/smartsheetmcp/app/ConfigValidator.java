package dev.smartsheetmcp.app;

import dev.smartsheetmcp.analysis.azure.PooledDeployments;
import dev.smartsheetmcp.mcp.transport.HttpSecurity;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks the settings before the application serves. Each problem is one line naming the
 * environment variable and what is wrong; values are never echoed, so a secret pasted into
 * the wrong variable is not printed either.
 */
final class ConfigValidator {

    private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");
    private static final Pattern DEPLOYMENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Set<String> TRANSPORTS = Set.of("stdio", "http");
    private static final int MIN_TOKEN_LENGTH = 16;
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]+");

    private final Function<String, String> property;
    private final PooledDeployments pool;
    private final List<String> problems = new ArrayList<>();

    private ConfigValidator(Function<String, String> property) {
        this.property = property;
        this.pool = PooledDeployments.read(property, System::getenv);
    }

    /** Problems with the settings; in sandbox mode the upstream settings are the emulators' and not checked. */
    static List<String> problems(Function<String, String> property, boolean sandbox) {
        ConfigValidator validator = new ConfigValidator(property);
        validator.checkServing();
        validator.checkBatch();
        if (!sandbox) {
            validator.checkSmartsheet();
            validator.checkAzure();
        }
        return validator.problems;
    }

    /** Azure OpenAI counts as configured when any of its connection settings is given. */
    static boolean azureConfigured(Function<String, String> property) {
        return !blank(property.apply(Settings.AZURE_API_BASE.property()))
                || !blank(property.apply(Settings.AZURE_API_KEY.property()))
                || !blank(property.apply(Settings.AZURE_DEPLOYMENT.property()));
    }

    private void checkServing() {
        if (!TRANSPORTS.contains(value(Settings.TRANSPORT))) {
            problem(Settings.TRANSPORT, "must be stdio or http");
        }
        try {
            int port = Integer.parseInt(value(Settings.HTTP_PORT));
            if (port < 1 || port > 65535) problem(Settings.HTTP_PORT, "must be a port number from 1 to 65535");
        } catch (NumberFormatException e) {
            problem(Settings.HTTP_PORT, "must be a port number from 1 to 65535");
        }
        if (blank(value(Settings.DATA_DIR))) problem(Settings.DATA_DIR, "must name a directory");
        checkHttpSecurity();
    }

    private void checkHttpSecurity() {
        String token = value(Settings.AUTH_TOKEN);
        if (!token.isEmpty() && (token.length() < MIN_TOKEN_LENGTH || !TOKEN.matcher(token).matches())) {
            problem(Settings.AUTH_TOKEN, "must be at least " + MIN_TOKEN_LENGTH
                    + " characters without spaces (e.g. openssl rand -hex 32), or empty for no authentication");
        }
        try {
            HttpSecurity.origins(value(Settings.ALLOWED_ORIGINS));
        } catch (IllegalArgumentException e) {
            problem(Settings.ALLOWED_ORIGINS, e.getMessage());
        }
        requirePositive(Settings.MAX_REQUEST_BYTES, Integer.MAX_VALUE);
        requirePositive(Settings.MAX_CALLS_PER_SESSION, 100_000);
    }

    private void requirePositive(Settings setting, int max) {
        try {
            long number = Long.parseLong(value(setting).trim());
            if (number >= 1 && number <= max) return;
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(setting, "must be a whole number from 1 to " + max);
    }

    private void checkSmartsheet() {
        requireHttpUrl(Settings.SMARTSHEET_BASE_URL);
        requireSecret(Settings.SMARTSHEET_API_KEY, "a Smartsheet API access token");
    }

    private void checkAzure() {
        problems.addAll(pool.problems());
        if (!azureConfigured(property)) return;
        requireHttpUrl(Settings.AZURE_API_BASE);
        requireSecret(Settings.AZURE_API_KEY, "an Azure OpenAI key");
        String deployment = value(Settings.AZURE_DEPLOYMENT);
        if (blank(deployment)) {
            problem(Settings.AZURE_DEPLOYMENT, "is empty; set it to the name of the chat model deployment");
        } else if (!DEPLOYMENT_NAME.matcher(deployment).matches()) {
            problem(Settings.AZURE_DEPLOYMENT, "is not a deployment name (letters, digits, '.', '_' and '-', at most 64)");
        }
        if (!API_VERSION.matcher(value(Settings.AZURE_API_VERSION)).matches()) {
            problem(Settings.AZURE_API_VERSION, "must look like YYYY-MM-DD or YYYY-MM-DD-preview, e.g. 2024-10-21");
        }
    }

    /**
     * The Batch API needs one endpoint and key: the single deployment's, or those of the pooled
     * deployment {@code azure.batch.pool-entry} names. Without either, batch mode could only fail.
     */
    private void checkBatch() {
        if (blank(value(Settings.AZURE_BATCH_DEPLOYMENT))) return;
        String entry = value(Settings.AZURE_BATCH_POOL_ENTRY).trim();
        if (!entry.isEmpty()) {
            List<String> ids = pool.members().stream().map(PooledDeployments.Member::id).toList();
            if (!pool.problems().isEmpty() || ids.contains(entry)) return;
            problem(Settings.AZURE_BATCH_POOL_ENTRY, ids.isEmpty() ? "is set but azure.deployments lists no deployment"
                    : "is not one of the ids of azure.deployments (" + String.join(", ", ids) + ")");
        } else if (!blank(property.apply(PooledDeployments.LIST)) && blank(value(Settings.AZURE_API_BASE))) {
            problem(Settings.AZURE_BATCH_DEPLOYMENT, "the Batch API needs an endpoint and key, and only"
                    + " azure.deployments has some: set " + named(Settings.AZURE_BATCH_POOL_ENTRY)
                    + " to the id of the entry whose resource holds this Global-Batch deployment, or leave "
                    + Settings.AZURE_BATCH_DEPLOYMENT.envVar() + " empty");
        }
    }

    private static String named(Settings setting) {
        return setting.envVar() + " (" + setting.property() + ")";
    }

    private void requireHttpUrl(Settings setting) {
        String value = value(setting);
        if (blank(value)) {
            problem(setting, "is empty; set it to an https:// URL");
            return;
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            boolean http = "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
            if (!http || uri.getHost() == null) {
                problem(setting, "is not an http(s) URL; it must look like https://host/path");
            } else if (uri.getUserInfo() != null) {
                problem(setting, "must not carry credentials in the URL; use the API key variable");
            }
        } catch (Exception e) {
            problem(setting, "is not an http(s) URL; it must look like https://host/path");
        }
    }

    private void requireSecret(Settings setting, String what) {
        if (blank(value(setting))) problem(setting, "is empty; set it to " + what);
    }

    private String value(Settings setting) {
        String value = property.apply(setting.property());
        return value == null ? "" : value;
    }

    private void problem(Settings setting, String what) {
        problems.add(setting.envVar() + ": " + what);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
