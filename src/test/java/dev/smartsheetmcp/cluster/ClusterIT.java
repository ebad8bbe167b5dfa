package dev.smartsheetmcp.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.cluster.Cluster.Session;
import dev.smartsheetmcp.cluster.Cluster.Sheet;
import dev.smartsheetmcp.cluster.ClusterDatabase.JobRow;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.AppProcess;
import dev.smartsheetmcp.testing.Jobs;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three application processes on one PostgreSQL job store behind HAProxy (deploy/haproxy.cfg),
 * against one Smartsheet and one Azure OpenAI emulator in this JVM. One set of processes serves
 * every scenario, in order: the shared quota (all three alive), the flows through the balancer,
 * an instance paused past its lease (it resumes), kill -9 of a job's instance, then of a client
 * session's instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    /** The one Azure quota: 20 requests a second, judged each second. Every instance is configured with all of it. */
    private static final int QUOTA_RPM = 1200;
    private static final Duration MODEL_LATENCY = Duration.ofMillis(50);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private Cluster cluster;
    private Balancer balancer;
    private final List<String> jobIds = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startCluster() throws Exception {
        Balancer.requireInstalled();
        ClusterDatabase database = ClusterDatabase.create("cluster");
        long started = System.nanoTime();
        cluster = new Cluster(work, database, QUOTA_RPM, MODEL_LATENCY);
        cluster.startInstances(3, QUOTA_RPM);
        balancer = cluster.startBalancer();
        timing("start-up: three instances and HAProxy", started);
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) cluster.close();
    }

    @Test
    @Order(1)
    void threeInstancesEachConfiguredWithTheWholeQuotaKeepToItTogether() throws Exception {
        long started = System.nanoTime();
        int rows = 60;
        cluster.azure().resetCounters();
        QuotaSampler sampler = new QuotaSampler(cluster, Cluster.DEPLOYMENT);
        List<String> jobs = new ArrayList<>();
        try (Session session = Cluster.session(balancer.baseUrl(), progress -> { })) {
            for (int i = 1; i <= 3; i++) {
                jobs.add(start(session.client(), cluster.sheet("Quota " + i, rows), 20));
            }
            sampler.follow(jobs);
            for (String job : jobs) Jobs.awaitCompleted(session.client(), job, Duration.ofMinutes(2));
        } finally {
            sampler.stop();
        }
        QuotaSampler.Figures figures = sampler.figures(3 * rows, Duration.ofSeconds(2));
        System.out.printf("shared quota: %s; jobs ran on %s%n", figures, sampler.owners());
        timing("scenario: three jobs on one quota", started);

        assertThat(sampler.owners().values().stream().flatMap(Set::stream).distinct().count())
                .as("the three jobs should run on three instances at once (%s); if one instance took several,"
                        + " %s must be 1", sampler.owners(), ClusterSettings.JOBS_PER_INSTANCE)
                .isEqualTo(3);
        assertThat(figures.rateLimitedAfterEdge())
                .as("429s from the one Azure quota after the first 2 s (%s): three instances each configured"
                        + " with the whole quota must share it, not each spend it", figures)
                .isZero();
        assertThat(figures.perSecond())
                .as("model calls a second from 10%% to 90%% of the calls, together (%s): at least 90%% of the quota's"
                        + " %d/s", figures, QUOTA_RPM / 60)
                .isGreaterThanOrEqualTo(0.9 * QUOTA_RPM / 60);
    }

    @Test
    @Order(2)
    void aClientThroughTheBalancerKeepsItsSessionAndEveryInstanceSeesEveryJob() throws Exception {
        long started = System.nanoTime();
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        try (Session session = Cluster.session(balancer.baseUrl(), progress::add)) {
            assertThat(session.client().listTools().tools()).extracting(McpSchema.Tool::name)
                    .contains("start_batch_analysis", "get_job_status");
            AppProcess holder = sessionHolder(session.sessionId().get());

            Sheet sheet = cluster.sheet("Balanced", 40);
            McpSchema.CallToolResult result = session.client().callTool(McpSchema.CallToolRequest.builder()
                    .name("start_batch_analysis").progressToken("through-the-balancer")
                    .arguments(arguments(sheet, 10, true)).build());
            JsonNode status = JSON.readTree(ToolCalls.text(result));
            jobIds.add(status.path("jobId").asText());
            assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
            assertThat(status.path("written").asInt()).isEqualTo(40);
            await().atMost(Duration.ofSeconds(5)).until(() -> progress.size() >= 2);
            assertThat(progress).as("progress of a wait=true job through HAProxy")
                    .allSatisfy(note -> assertThat(note.progressToken()).isEqualTo("through-the-balancer"));
            assertThat(progress.get(progress.size() - 1).progress()).isEqualTo(40.0);
            assertWrittenOnce(sheet);
            assertThat(sessionHolder(session.sessionId().get())).as("the session stayed on its instance").isSameAs(holder);
        }

        AppProcess first = cluster.instances().get(0);
        AppProcess second = cluster.instances().get(1);
        Sheet followed = cluster.sheet("Followed", 30);
        try (Session through = Cluster.session(first.baseUrl(), p -> { });
             Session follower = Cluster.session(second.baseUrl(), p -> { })) {
            String jobId = start(through.client(), followed, 10);
            JsonNode done = Jobs.awaitCompleted(follower.client(), jobId, Duration.ofMinutes(1));
            assertThat(done.path("written").asInt()).as("followed through another instance").isEqualTo(30);
        }
        assertWrittenOnce(followed);

        for (AppProcess instance : cluster.instances()) {
            assertThat(jobsPage(instance)).as("the jobs page of %s", cluster.nodeOf(instance)).containsAll(jobIds);
        }
        timing("scenario: flows through the balancer", started);
    }

    @Test
    @Order(3)
    void anInstancePausedPastItsLeaseWritesNothingForTheJobAnotherTookOver() throws Exception {
        long started = System.nanoTime();
        Sheet sheet = cluster.sheet("Paused", 80);
        String jobId;
        try (Session session = Cluster.session(balancer.baseUrl(), p -> { })) {
            jobId = start(session.client(), sheet, 10);
        }
        String owner = ownerMidBatch(jobId, sheet);
        AppProcess paused = cluster.instanceOf(owner);
        Cluster.pause(paused);
        Map<Long, Integer> writesWhilePaused;
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    !cluster.database().job(jobId).status().equals("running")
                            || !owner.equals(cluster.database().job(jobId).leaseOwner()));
            JobRow done = awaitFinished(jobId);
            assertThat(done.status()).as("the job, taken over from the paused %s: %s", owner, done).isEqualTo("completed");
            writesWhilePaused = writes(sheet);
        } finally {
            Cluster.resume(paused);
        }
        Thread.sleep(3000);

        Map<Long, Integer> after = writes(sheet);
        Map<Long, Integer> writtenAfterResume = new LinkedHashMap<>();
        after.forEach((row, count) -> {
            if (count > writesWhilePaused.get(row)) writtenAfterResume.put(row, count - writesWhilePaused.get(row));
        });
        assertThat(writtenAfterResume)
                .as("cells %s wrote for job %s after SIGCONT, when another instance had taken the job over:"
                        + " a worker whose lease expired must write nothing (lease fencing)", owner, jobId)
                .isEmpty();
        assertWrittenOnce(sheet);
        JobRow row = cluster.database().job(jobId);
        assertThat(row.status()).as("job after the resumed instance woke: %s", row).isEqualTo("completed");
        assertThat(row.batchesDone()).as("batches_done of job %s after %s resumed (%s): a worker whose lease expired"
                + " must commit nothing (lease fencing)", jobId, owner, row).isEqualTo(8);
        assertThat(row.batchCount()).isEqualTo(8);
        assertThat(row.writtenRows()).as("written_rows: %s", row).isEqualTo(80);
        paused.awaitHealthy(Duration.ofSeconds(30));
        timing("scenario: SIGSTOP past the lease, SIGCONT", started);
    }

    @Test
    @Order(4)
    void killNineOfAJobsInstanceTheOthersFinishItWithNoRowLostOrWrittenTwice() throws Exception {
        long started = System.nanoTime();
        Sheet sheet = cluster.sheet("Killed", 80);
        String jobId;
        try (Session session = Cluster.session(balancer.baseUrl(), p -> { })) {
            jobId = start(session.client(), sheet, 10);
        }
        String owner = ownerMidBatch(jobId, sheet);
        cluster.instanceOf(owner).kill();
        JobRow done = awaitFinished(jobId);
        assertThat(done.status()).as("the job after kill -9 of %s: %s", owner, done).isEqualTo("completed");
        assertThat(done.writtenRows()).isEqualTo(80);
        assertThat(done.batchesDone()).isEqualTo(done.batchCount());
        assertWrittenOnce(sheet);
        timing("scenario: kill -9 mid-job", started);
    }

    @Test
    @Order(5)
    void whenTheInstanceHoldingTheSessionDiesTheClientInitializesAgainOnALiveOne() throws Exception {
        long started = System.nanoTime();
        String anyJob = jobIds.get(0);
        try (Session session = Cluster.session(balancer.baseUrl(), p -> { })) {
            ToolCalls.ok(session.client(), "get_job_status", Map.of("jobId", anyJob));
            String lostSession = session.sessionId().get();
            AppProcess holder = sessionHolder(lostSession);
            holder.kill();
            long killed = System.nanoTime();

            assertThat(ping(balancer.baseUrl(), lostSession))
                    .as("the balancer's answer for a session whose instance died (MCP: 404, the client starts a new one)")
                    .isEqualTo(404);
            // on the 404 the SDK client (2.1.0) initializes a new session and the call goes through;
            // a client that hands the error to its caller first may fail a call or two
            List<String> errors = new ArrayList<>();
            JsonNode[] status = new JsonNode[1];
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                try {
                    status[0] = ToolCalls.ok(session.client(), "get_job_status", Map.of("jobId", anyJob));
                    return true;
                } catch (RuntimeException e) {
                    errors.add(e.getMessage());
                    return false;
                }
            });
            System.out.println("calls failed before the client was back: " + errors);
            assertThat(status[0].path("status").asText()).isEqualTo("completed");
            assertThat(errors).as("calls that failed before the new session").hasSizeLessThanOrEqualTo(3);
            assertThat(session.sessionId().get()).as("a new session").isNotEqualTo(lostSession);
            AppProcess newHolder = sessionHolder(session.sessionId().get());
            assertThat(newHolder.process().isAlive()).isTrue();
            timing("client back on a live instance after the kill", killed);
        }
        timing("scenario: the session's instance killed", started);
    }

    private String start(McpSyncClient client, Sheet sheet, int batchSize) {
        String jobId = ToolCalls.ok(client, "start_batch_analysis", arguments(sheet, batchSize, false)).path("jobId").asText();
        jobIds.add(jobId);
        return jobId;
    }

    private static Map<String, Object> arguments(Sheet sheet, int batchSize, boolean wait) {
        return Map.of("sheet_id", sheet.idText(), "type", "summarize", "sourceColumns", List.of("Feedback"),
                "targetColumn", "Summary", "batchSize", batchSize, "wait", wait);
    }

    /**
     * The lease owner the moment the model sees row 13 of the sheet: mid-way through the job's
     * second batch of 10, so the owner holds answers or calls in flight it has not written yet.
     */
    private String ownerMidBatch(String jobId, Sheet sheet) throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> cluster.azure().timesSeen(sheet.summarizePrompt(13)) > 0);
        JobRow row = cluster.database().job(jobId);
        assertThat(row.status()).as("mid-job: %s", row).isEqualTo("running");
        assertThat(row.leaseOwner()).as("mid-job: %s", row).isNotNull();
        return row.leaseOwner();
    }

    private JobRow awaitFinished(String jobId) {
        JobRow[] row = new JobRow[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            row[0] = cluster.database().job(jobId);
            return Jobs.FINAL_STATES.contains(row[0].status());
        });
        return row[0];
    }

    /** How many times each row's Summary cell was written. */
    private Map<Long, Integer> writes(Sheet sheet) {
        Map<Long, Integer> writes = new LinkedHashMap<>();
        for (long row : cluster.smartsheet().rowIds(sheet.id())) {
            writes.put(row, cluster.smartsheet().cellWriteCount(sheet.id(), row, "Summary"));
        }
        return writes;
    }

    private void assertWrittenOnce(Sheet sheet) {
        List<Long> rows = cluster.smartsheet().rowIds(sheet.id());
        Map<Integer, Integer> notOnce = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            int count = cluster.smartsheet().cellWriteCount(sheet.id(), rows.get(i), "Summary");
            if (count != 1) notOnce.put(i, count);
            assertThat(cluster.smartsheet().cellValue(sheet.id(), rows.get(i), "Summary")).as("row %d", i)
                    .isEqualTo(AnalysisSheets.expectedAnswer(AnalysisType.SUMMARIZE, sheet.feedback(i)));
        }
        assertThat(notOnce).as("rows of sheet '%d' written other than once (row index = times written)", sheet.id())
                .isEmpty();
    }

    /**
     * The one instance that knows the session: a ping sent to each instance directly with the
     * session id is answered by its holder, and with 404 by the others (MCP Streamable HTTP).
     */
    private AppProcess sessionHolder(String sessionId) throws Exception {
        assertThat(sessionId).as("the client's session id").isNotNull();
        List<AppProcess> holders = new ArrayList<>();
        for (AppProcess instance : cluster.instances()) {
            if (!instance.process().isAlive()) continue;
            int code = ping(instance.baseUrl(), sessionId);
            assertThat(code).as("ping with session %s at %s", sessionId, cluster.nodeOf(instance)).isIn(200, 404);
            if (code == 200) holders.add(instance);
        }
        assertThat(holders).as("instances holding session %s", sessionId).hasSize(1);
        return holders.get(0);
    }

    private static int ping(String baseUrl, String sessionId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/mcp"))
                .header("Authorization", "Bearer " + Cluster.MCP_TOKEN)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", sessionId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":\"probe\",\"method\":\"ping\"}"))
                .timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Set<String> jobsPage(AppProcess instance) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/jobs/data.json?limit=100"))
                .header("Authorization", "Bearer " + Cluster.MCP_TOKEN).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Set<String> ids = new TreeSet<>();
        JSON.readTree(response.body()).path("jobs").forEach(job -> ids.add(job.path("jobId").asText()));
        return ids;
    }

    private static void timing(String what, long startedNanos) {
        System.out.printf("TIMING %s: %.1f s%n", what, (System.nanoTime() - startedNanos) / 1e9);
    }
}
