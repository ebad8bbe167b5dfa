package dev.smartsheetmcp.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's token usage priced at the configured prices per million tokens: online tokens at the
 * online prices, batch tokens at the batch prices; for a job that used the Batch API, the saving
 * against the same tokens at the online prices.
 */
public final class JobCosts {

    /** Prices per million prompt and completion tokens, in one mode. */
    public record Prices(double promptPerMillion, double completionPerMillion) {
        double of(long promptTokens, long completionTokens) {
            return (promptTokens * promptPerMillion + completionTokens * completionPerMillion) / 1_000_000.0;
        }
    }

    private final Prices online;
    private final Prices batch;
    private final String currency;

    public JobCosts(Prices online, Prices batch, String currency) {
        this.online = online;
        this.batch = batch;
        this.currency = currency;
    }

    /** The {@code usage} section of a job's status. */
    public Map<String, Object> describe(List<JobUsage.Usage> usage) {
        double cost = 0;
        double atOnlinePrices = 0;
        List<Map<String, Object>> lines = new ArrayList<>();
        for (JobUsage.Usage use : usage) {
            double priced = (use.mode() == JobMode.BATCH ? batch : online).of(use.promptTokens(), use.completionTokens());
            cost += priced;
            atOnlinePrices += online.of(use.promptTokens(), use.completionTokens());
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("deployment", use.deployment());
            line.put("mode", use.mode().wire());
            line.put("requests", use.requests());
            line.put("prompt_tokens", use.promptTokens());
            line.put("completion_tokens", use.completionTokens());
            line.put("estimated_cost", round(priced));
            lines.add(line);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("by_deployment", lines);
        view.put("estimated_cost", round(cost));
        view.put("currency", currency);
        if (usage.stream().anyMatch(use -> use.mode() == JobMode.BATCH)) {
            view.put("saving_vs_online", round(atOnlinePrices - cost));
        }
        return view;
    }

    private static double round(double amount) {
        return Math.round(amount * 10_000) / 10_000.0;
    }
}
