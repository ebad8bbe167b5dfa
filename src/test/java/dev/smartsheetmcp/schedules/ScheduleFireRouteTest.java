package dev.smartsheetmcp.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.smartsheetmcp.jobs.JobQueue;
import dev.smartsheetmcp.testing.AnalysisSheets;
import dev.smartsheetmcp.testing.JobRouteTestSupport;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

/**
 * The schedule routes (routes/schedules.yaml: Quartz → schedule-fire → start_batch_analysis's
 * steps, or a skip; every firing recorded) with a real HSQLDB job store and clustered Quartz
 * store, and the Smartsheet emulator. No job worker runs here, so an enqueued job stays queued
 * until the test finishes it: the no-overlap rule is met deterministically.
 */
class ScheduleFireRouteTest extends JobRouteTestSupport {

    @Override
    protected List<String> routeFiles() {
        return List.of("schedules.yaml");
    }

    @Override
    protected List<CamelConfiguration> moreConfigurations() {
        return List.of(new SchedulesConfiguration());
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("smartsheet.retry.max-retries", "0");
    }

    @Test
    void aFiringEnqueuesTheSchedulesJobAndTheNextSkipsWhileThatJobIsUnfinished() {
        long sheetId = AnalysisSheets.create(smartsheet, "Nightly", 3);
        createSchedule("nightly", sheetId, "0 0 2 * * ?");

        Map<String, Object> first = fire("nightly");
        String jobId = (String) first.get("jobId");
        assertThat(first).containsEntry("outcome", "enqueued");
        assertThat(status(jobId)).containsEntry("status", "queued").containsEntry("schedule", "nightly");

        Map<String, Object> second = fire("nightly");
        assertThat(second).containsEntry("outcome", "skipped").containsEntry("jobId", jobId);
        assertThat((String) second.get("message")).contains("job " + jobId + ", is still queued");

        jobs().cancel(jobId);
        Map<String, Object> third = fire("nightly");
        assertThat(third).containsEntry("outcome", "enqueued");
        assertThat(third.get("jobId")).isNotEqualTo(jobId);
        assertThat(store().firingCounts("nightly")).containsEntry("enqueued", 2).containsEntry("skipped", 1);
    }

    @Test
    void aFiringThatCannotQueueItsJobIsRecordedAsFailedWithTheCauseAndTheNextFiringRuns() {
        long sheetId = AnalysisSheets.create(smartsheet, "Unreachable", 3);
        createSchedule("unreachable", sheetId, "0 0 2 * * ?");
        smartsheet.faults().serverErrorRate(1.0);

        Map<String, Object> firing = fire("unreachable");

        assertThat(firing).containsEntry("outcome", "failed").doesNotContainKey("jobId");
        assertThat((String) firing.get("message")).startsWith("No job enqueued: ").contains("500");
        ScheduleStore.Firing recorded = store().recentFirings("unreachable", 1).get(0);
        assertThat(recorded.outcome()).isEqualTo("failed");
        assertThat(recorded.detail()).contains("500");
        smartsheet.faults().clearFaults();
        assertThat(fire("unreachable")).as("a failed firing does not hold up the next").containsEntry("outcome", "enqueued");
    }

    @Test
    void quartzFiresTheScheduleOnItsCronThroughTheSameRoute() {
        long sheetId = AnalysisSheets.create(smartsheet, "Every second", 1);
        NotifyBuilder fired = new NotifyBuilder(context).fromRoute("schedule-fire").whenCompleted(1).create();

        createSchedule("every-second", sheetId, "* * * * * ?");

        assertThat(fired.matches(10, TimeUnit.SECONDS)).as("a firing within 10 s").isTrue();
        // an exchange copied from the firing's (sent on by start_batch_analysis's steps) may complete before the
        // firing's own, which records it last
        await().atMost(Duration.ofSeconds(10)).until(() -> !store().recentFirings("every-second", 100).isEmpty());
        assertThat(store().recentFirings("every-second", 100)).isNotEmpty().allSatisfy(firing -> {
            assertThat(firing.firedBy()).isEqualTo("cron");
            assertThat(firing.scheduledFor()).isNotNull();
        });
        assertThat(store().firingCounts("every-second")).as("later firings skip: the first job is still queued")
                .containsEntry("enqueued", 1);

        long stopping = System.nanoTime();
        context.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("firings pause before the routes stop:"
                + " none waits on a stopped route").isLessThan(Duration.ofSeconds(10));
    }

    private void createSchedule(String name, long sheetId, String cron) {
        Map<String, Object> arguments = new HashMap<>(Map.of("name", name, "cron", cron,
                "sheet_id", Long.toString(sheetId), "type", "summarize", "sourceColumns", List.of("Feedback"),
                "targetColumn", "Summary"));
        template.requestBody("direct:tool-create_schedule", arguments);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fire(String name) {
        return template.requestBodyAndHeader("direct:schedule-fire", null, ScheduleTriggers.SCHEDULE_HEADER, name, Map.class);
    }

    private ScheduleStore store() {
        return context.getRegistry().lookupByNameAndType("scheduleStore", ScheduleStore.class);
    }

    private JobQueue jobs() {
        return context.getRegistry().lookupByNameAndType("jobQueue", JobQueue.class);
    }
}
