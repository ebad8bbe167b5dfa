package dev.smartsheetmcp.schedules;

import dev.smartsheetmcp.jobs.JobLease;
import dev.smartsheetmcp.jobs.JobQueue;
import javax.sql.DataSource;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * The schedules' beans, by the names the routes use: camel-quartz's component ({@code quartz}),
 * clustered on the job store's own pool, and the schedule store, triggers, book, firings and
 * tools. Needs the job queue and lease ({@code JobsConfiguration}).
 */
public final class SchedulesConfiguration implements CamelConfiguration {

    @PropertyInject("jobs.jdbc-url")
    private String jdbcUrl;
    @PropertyInject("schedules.cluster-name")
    private String clusterName;
    @PropertyInject("schedules.misfire-threshold-ms")
    private long misfireThresholdMs;
    @PropertyInject("schedules.cluster-checkin-ms")
    private long clusterCheckinMs;
    @PropertyInject("schedules.threads")
    private int threads;
    @PropertyInject("schedules.misfire-policy")
    private String misfirePolicy;
    @PropertyInject("tools.max-answer-chars")
    private int maxAnswerChars;
    @PropertyInject("schedules.default-time-zone")
    private String defaultTimeZone;

    @Override
    public void configure(CamelContext camel) {
        Registry registry = camel.getRegistry();
        DataSource jobsDataSource = CamelContextHelper.mandatoryLookup(camel, "jobsDataSource", DataSource.class);
        JobQueue jobs = CamelContextHelper.mandatoryLookup(camel, "jobQueue", JobQueue.class);
        JobLease lease = CamelContextHelper.mandatoryLookup(camel, "jobLease", JobLease.class);
        QuartzSettings.shareJobStorePool(jobsDataSource);
        QuartzComponent quartz = new QuartzComponent();
        quartz.setProperties(QuartzSettings.clustered(jdbcUrl, clusterName, misfireThresholdMs, clusterCheckinMs, threads));
        registry.bind("quartz", quartz);
        ScheduleStore store = new ScheduleStore(jobsDataSource);
        registry.bind("scheduleStore", store);
        ScheduleTriggers triggers = new ScheduleTriggers(misfirePolicy);
        registry.bind("scheduleTriggers", triggers);
        camel.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext context) {
                triggers.stopFiring();
            }
        });
        ScheduleBook book = new ScheduleBook(store, triggers);
        registry.bind("scheduleBook", book);
        registry.bind("scheduleFirings", new ScheduleFirings(store, jobs, lease));
        ScheduleTools tools = new ScheduleTools(book, store, triggers, jobs, defaultTimeZone);
        tools.setDefaultMaxChars(maxAnswerChars);
        registry.bind("scheduleTools", tools);
    }
}
