package dev.smartsheetmcp.app;

import dev.smartsheetmcp.analysis.azure.PooledDeployments;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Azure OpenAI at startup whether the configured deployment exists, so a wrong name is
 * reported before the first job rather than in it. The probe sends a chat request with no
 * messages: Azure rejects it with 400 when the deployment exists and 404 DeploymentNotFound
 * when it does not, and neither answer consumes tokens.
 */
final class AzureDeploymentProbe {

    private static final Logger LOG = LoggerFactory.getLogger(AzureDeploymentProbe.class);

    private final HttpClient http;

    AzureDeploymentProbe(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Each pooled deployment probed as the single one is; problems name its settings ({@code azure.deployments.<id>.*}). */
    List<String> poolProblems(List<PooledDeployments.Member> members, String apiVersion) {
        List<String> problems = new ArrayList<>();
        for (PooledDeployments.Member member : members) {
            problem(member.endpoint(), apiVersion, member.deployment(), member.apiKey())
                    .map(line -> "azure.deployments." + member.id() + ": " + line
                            .replace("AZURE_OPENAI_DEPLOYMENT:", "deployment:")
                            .replace("AZURE_OPENAI_API_BASE", "its endpoint")
                            .replace("AZURE_OPENAI_API_KEY:", "the key in " + member.apiKeyEnv() + ":"))
                    .ifPresent(problems::add);
        }
        return problems;
    }

    /** A problem line when the settings are certainly wrong; empty when fine or when Azure could not be asked. */
    Optional<String> problem(String apiBase, String apiVersion, String deployment, String apiKey) {
        HttpRequest request = HttpRequest.newBuilder(probeUri(apiBase, apiVersion, deployment))
                .timeout(Duration.ofSeconds(15))
                .header("api-key", apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[]}"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return judge(response.statusCode(), response.body(), deployment);
        } catch (IOException e) {
            LOG.warn("Azure OpenAI startup probe could not reach AZURE_OPENAI_API_BASE ({}); analysis calls will retry",
                    e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<String> judge(int status, String body, String deployment) {
        if (status == 404 && body.contains("DeploymentNotFound")) {
            return Optional.of("AZURE_OPENAI_DEPLOYMENT: no deployment named '" + deployment
                    + "' exists at AZURE_OPENAI_API_BASE (Azure answered 404 DeploymentNotFound)");
        }
        if (status == 404) {
            return Optional.of("AZURE_OPENAI_API_BASE: Azure OpenAI answered 404 for the chat completions path;"
                    + " check the endpoint and AZURE_OPENAI_API_VERSION");
        }
        if (status == 401 || status == 403) {
            return Optional.of("AZURE_OPENAI_API_KEY: rejected by Azure OpenAI (HTTP " + status + ")");
        }
        if (status != 400) {
            LOG.warn("Azure OpenAI startup probe got HTTP {}; the deployment could not be confirmed", status);
        }
        return Optional.empty();
    }

    private static URI probeUri(String apiBase, String apiVersion, String deployment) {
        String base = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        return URI.create(base + "/openai/deployments/" + URLEncoder.encode(deployment, StandardCharsets.UTF_8)
                + "/chat/completions?api-version=" + URLEncoder.encode(apiVersion, StandardCharsets.UTF_8));
    }
}
