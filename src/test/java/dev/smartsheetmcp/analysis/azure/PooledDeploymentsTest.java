package dev.smartsheetmcp.analysis.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading azure.deployments: properties or environment variables, the key by reference, problems named without values. */
class PooledDeploymentsTest {

    private static final String SECRET = "key-9f3e1d-never-printed";

    private final Map<String, String> properties = new HashMap<>(Map.of("azure.rpm", "600", "azure.tpm", "200000"));
    private final Map<String, String> environment = new HashMap<>();

    private PooledDeployments read() {
        return PooledDeployments.read(properties::get, environment::get);
    }

    @Test
    void emptyListMeansNoPool() {
        assertThat(read().members()).isEmpty();
        assertThat(read().problems()).isEmpty();
    }

    @Test
    void membersComeFromPropertiesOrEnvironmentWithTheKeyByReference() {
        properties.put("azure.deployments", "east, west-eu");
        properties.put("azure.deployments.east.endpoint", "https://east.openai.azure.com");
        properties.put("azure.deployments.east.api-key-env", "KEY_EAST");
        properties.put("azure.deployments.east.rpm", "1200");
        environment.put("AZURE_OPENAI_DEPLOYMENTS_WEST_EU_ENDPOINT", "https://west.openai.azure.com");
        environment.put("AZURE_OPENAI_DEPLOYMENTS_WEST_EU_DEPLOYMENT", "gpt-4o");
        environment.put("AZURE_OPENAI_DEPLOYMENTS_WEST_EU_API_KEY_ENV", "KEY_WEST");
        environment.put("KEY_EAST", SECRET);
        properties.put("KEY_WEST", "from-a-property");

        PooledDeployments pool = read();

        assertThat(pool.problems()).isEmpty();
        assertThat(pool.members()).containsExactly(
                new PooledDeployments.Member("east", "https://east.openai.azure.com", "east", "KEY_EAST", SECRET, 1200, 200_000),
                new PooledDeployments.Member("west-eu", "https://west.openai.azure.com", "gpt-4o", "KEY_WEST",
                        "from-a-property", 600, 200_000));
        assertThat(pool.members().get(0).toString()).doesNotContain(SECRET);
    }

    @Test
    void everyProblemNamesItsSettingAndNoValue() {
        properties.put("azure.deployments", "east, East!, east");
        properties.put("azure.deployments.east.endpoint", "ftp://" + SECRET);
        properties.put("azure.deployments.east.api-key-env", SECRET + " pasted");
        properties.put("azure.deployments.east.tpm", "-5");

        PooledDeployments pool = read();

        assertThat(pool.members()).isEmpty();
        assertThat(pool.problems()).containsExactly(
                "AZURE_OPENAI_DEPLOYMENTS: 'East!' is not a deployment id (lower-case letters, digits and '-', at most 32, comma-separated)",
                "AZURE_OPENAI_DEPLOYMENTS: 'east' is listed twice",
                "AZURE_OPENAI_DEPLOYMENTS_EAST_ENDPOINT (azure.deployments.east.endpoint): is not an http(s) URL without credentials",
                "AZURE_OPENAI_DEPLOYMENTS_EAST_API_KEY_ENV (azure.deployments.east.api-key-env): must name an environment"
                        + " variable (letters, digits and '_'), not hold the key",
                "AZURE_OPENAI_DEPLOYMENTS_EAST_TPM (azure.deployments.east.tpm): must be a whole number of at least 1");
    }

    @Test
    void aKeyVariableThatIsNotSetIsAProblem() {
        properties.put("azure.deployments", "east");
        properties.put("azure.deployments.east.endpoint", "https://east.openai.azure.com");
        properties.put("azure.deployments.east.api-key-env", "KEY_EAST");

        assertThat(read().problems()).containsExactly(
                "AZURE_OPENAI_DEPLOYMENTS_EAST_API_KEY_ENV (azure.deployments.east.api-key-env): names KEY_EAST, which is not set");
    }
}
