package dev.smartsheetmcp.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.smartsheetmcp.jobs.JobDatabase;
import dev.smartsheetmcp.quota.QuotaStore;
import dev.smartsheetmcp.testing.RequiredPrograms;
import dev.smartsheetmcp.upstream.CallKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances' quotas on one PostgreSQL database (two pools, two stores, as two processes would
 * have) take from one Smartsheet budget: together they never send more than the limit in any window,
 * and one instance's batch flood leaves room for the other's tool calls. The same priority holds in
 * one process on the in-process store. A small limit over a 2-second window keeps it quick.
 */
class SharedSmartsheetQuotaTest {

    private static final DefaultCamelContext CONTEXT = new DefaultCamelContext();
    private static final String TOKEN = "shared-quota-token";
    private static final int LIMIT = 20;
    private static final long WINDOW_MILLIS = 2_000;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void close() {
        threads.shutdownNow();
        pools.forEach(HikariDataSource::close);
    }

    @Test
    void twoInstancesTogetherNeverSendMoreThanTheLimitInAnyWindow() throws Exception {
        List<SmartsheetQuota> instances = List.of(quota(postgres(), 60_000), quota(postgres(), 60_000));
        List<Long> sent = Collections.synchronizedList(new ArrayList<>());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
        List<CompletableFuture<Void>> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            SmartsheetQuota instance = instances.get(i % 2);
            callers.add(CompletableFuture.runAsync(() -> {
                while (System.nanoTime() < until) {
                    instance.acquire(request(CallKind.BATCH));
                    sent.add(System.nanoTime());
                }
            }, threads));
        }
        CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        List<Long> times = sent.stream().sorted().toList();
        // a thread can note its request a little late: 100 ms of slack on the 2-second window
        for (int i = LIMIT; i < times.size(); i++) {
            assertThat(TimeUnit.NANOSECONDS.toMillis(times.get(i) - times.get(i - LIMIT)))
                    .as("requests %d and %d, %d apart in the order sent", i - LIMIT + 1, i + 1, LIMIT)
                    .isGreaterThanOrEqualTo(WINDOW_MILLIS - 100);
        }
        assertThat(times.size()).as("about one budget per window for both instances together, not one each")
                .isBetween(LIMIT * 2, LIMIT * 4 + 1);
    }

    @Test
    void aBatchFloodOnOneInstanceLeavesRoomForAnotherInstancesToolCalls() throws Exception {
        HikariDataSource database = postgres();
        assertToolCallsPassAFlood(quota(database, 60_000), quota(database, 1_000));
    }

    @Test
    void inOneProcessToolCallsAlsoGoBeforeWaitingJobCalls() throws Exception {
        QuotaStore store = QuotaStore.inProcess();
        assertToolCallsPassAFlood(quota(store, 60_000), quota(store, 1_000));
    }

    /** 16 job threads keep the budget used up; tool calls bounded to 1 s still pass, one after another. */
    private void assertToolCallsPassAFlood(SmartsheetQuota batchInstance, SmartsheetQuota interactiveInstance) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (int i = 0; i < 16; i++) {
            threads.submit(() -> {
                while (System.nanoTime() < until) batchInstance.acquire(request(CallKind.BATCH));
            });
        }
        Thread.sleep(1_500);
        // FIFO behind 16 waiting job calls at 10 a second would take 1.6 s: beyond the tool calls' bound
        for (int i = 0; i < 5; i++) interactiveInstance.acquire(request(CallKind.INTERACTIVE));
    }

    private SmartsheetQuota quota(HikariDataSource database, long interactiveWaitMillis) {
        return quota(QuotaStore.postgres(database), interactiveWaitMillis);
    }

    private static SmartsheetQuota quota(QuotaStore store, long interactiveWaitMillis) {
        return new SmartsheetQuota(store, TOKEN, LIMIT, WINDOW_MILLIS, interactiveWaitMillis, new RequestWeights());
    }

    private static Exchange request(CallKind kind) {
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, "/sheets/1/columns");
        if (kind == CallKind.INTERACTIVE) CallKind.markInteractive(exchange);
        return exchange;
    }

    /** A pool on a fresh database of the TEST_POSTGRES_URL server, its schema migrated as the job store's. */
    private HikariDataSource postgres() throws Exception {
        if (pools.isEmpty()) createDatabase();
        HikariDataSource pool = JobDatabase.open(url, "postgres", "", 4);
        pools.add(pool);
        return pool;
    }

    private String url;

    private void createDatabase() throws Exception {
        String server = System.getenv("TEST_POSTGRES_URL");
        RequiredPrograms.require(server != null && !server.isBlank(), "A PostgreSQL server (TEST_POSTGRES_URL, for quotas shared by instances)",
                "apt-get install postgresql, start it and set TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:PORT/postgres; .ci/run does");
        String database = "quota_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(server, "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + database);
        }
        url = server.substring(0, server.lastIndexOf('/') + 1) + database;
    }
}
