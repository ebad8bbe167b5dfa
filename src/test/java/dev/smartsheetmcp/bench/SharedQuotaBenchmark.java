package dev.smartsheetmcp.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.smartsheetmcp.jobs.JobDatabase;
import dev.smartsheetmcp.quota.QuotaStore;
import dev.smartsheetmcp.sandbox.FaultInjector;
import dev.smartsheetmcp.sandbox.smartsheet.ColumnSpec;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.smartsheet.RequestWeights;
import dev.smartsheetmcp.smartsheet.SmartsheetQuota;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/**
 * Several instances' Smartsheet quotas on one PostgreSQL database (a pool and a store each, as each
 * process has), every one configured with the full 300 requests a minute, sending as fast as their
 * quota lets them to one Smartsheet emulator that enforces the one quota (a sliding minute). Prints
 * the requests answered, the 429s (in the first minute and after) and the rate as a share of the
 * quota. The in-process proof of what the 3-process cluster test checks.
 *
 * <pre>mvn -B -q package -DskipTests &amp;&amp; java -cp target/smartsheet-mcp-pipeline.jar:target/test-classes \
 *     dev.smartsheetmcp.bench.SharedQuotaBenchmark POSTGRES_URL [seconds] [instances] [threads-per-instance]</pre>
 */
public final class SharedQuotaBenchmark {

    private static final DefaultCamelContext CONTEXT = new DefaultCamelContext();
    private static final String TOKEN = "shared-quota-bench-token";
    private static final int RPM = 300;

    public static void main(String[] args) throws Exception {
        String server = args[0];
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        int instances = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        String url = newDatabase(server);
        List<HikariDataSource> pools = new ArrayList<>();
        try (SmartsheetEmulator smartsheet = new SmartsheetEmulator(new FaultInjector(5), RPM)) {
            smartsheet.addToken(TOKEN);
            smartsheet.start(0, 32);
            long sheetId = smartsheet.createSheet(null, "Quota", List.of(ColumnSpec.primary("Name")), List.of());
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create(smartsheet.baseUrl() + "/sheets/" + sheetId + "/columns"))
                    .header("Authorization", "Bearer " + TOKEN).build();
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger limitedFirstMinute = new AtomicInteger();
            AtomicInteger limitedAfter = new AtomicInteger();
            ExecutorService pool = Executors.newCachedThreadPool();
            long start = System.nanoTime();
            long until = start + TimeUnit.SECONDS.toNanos(seconds);
            for (int i = 0; i < instances; i++) {
                HikariDataSource database = JobDatabase.open(url, "postgres", "", 4);
                pools.add(database);
                SmartsheetQuota quota = new SmartsheetQuota(QuotaStore.postgres(database), TOKEN, RPM, 61_000, 10_000,
                        new RequestWeights());
                for (int t = 0; t < threads; t++) {
                    pool.submit(() -> {
                        while (System.nanoTime() < until) {
                            quota.acquire(batchRequest());
                            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            if (status == 200) answered.incrementAndGet();
                            else if (System.nanoTime() - start < TimeUnit.MINUTES.toNanos(1)) limitedFirstMinute.incrementAndGet();
                            else limitedAfter.incrementAndGet();
                        }
                        return null;
                    });
                }
            }
            pool.shutdown();
            pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
            double minutes = (System.nanoTime() - start) / 60e9;
            System.out.printf("%d instances x %d threads, each configured with %d RPM, %d s: %d answered, 429s: %d in the"
                    + " first minute, %d after; %.1f requests a minute = %.1f%% of the one quota%n", instances, threads, RPM,
                    seconds, answered.get(), limitedFirstMinute.get(), limitedAfter.get(), answered.get() / minutes,
                    100 * answered.get() / minutes / RPM);
        } finally {
            pools.forEach(HikariDataSource::close);
        }
        System.exit(0);
    }

    private static Exchange batchRequest() {
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, "/sheets/1/columns");
        return exchange;
    }

    private static String newDatabase(String server) throws Exception {
        String database = "quota_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection admin = DriverManager.getConnection(server, "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + database);
        }
        return server.substring(0, server.lastIndexOf('/') + 1) + database;
    }
}
