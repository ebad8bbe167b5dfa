package dev.smartsheetmcp.schedules;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedules' Quartz triggers, one cron trigger per enabled schedule, kept in Quartz's
 * clustered JDBC store so every instance sees a change at once. The scheduler is camel-quartz's.
 */
public final class ScheduleTriggers {

    static final String GROUP = "schedules";
    static final String DISPATCH = "smartsheetMcpScheduleDispatch";
    public static final String SCHEDULE_HEADER = "ScheduleName";
    public static final String FIRED_BY_HEADER = "ScheduleFiredBy";
    public static final String SCHEDULED_FOR_HEADER = "ScheduleScheduledFor";

    /** Hands one firing to the application. */
    @FunctionalInterface
    interface Dispatch {
        void fire(String scheduleName, Instant scheduledFor);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleTriggers.class);

    private final MisfirePolicy misfirePolicy;
    private volatile Scheduler scheduler;

    public ScheduleTriggers(String misfirePolicy) {
        this.misfirePolicy = MisfirePolicy.parse(misfirePolicy).orElseThrow(() -> new IllegalArgumentException(
                ConfiguredSchedules.MISFIRE_POLICY + " must be " + MisfirePolicy.allowedValues()));
    }

    /** Takes camel-quartz's scheduler and routes its firings to {@code direct:schedule-fire}. */
    public void attach(Exchange exchange) throws SchedulerException {
        CamelContext camel = exchange.getContext();
        Scheduler quartz = camel.getComponent("quartz", QuartzComponent.class).getScheduler();
        ProducerTemplate producer = camel.createProducerTemplate();
        quartz.getContext().put(DISPATCH, (Dispatch) (name, scheduledFor) -> {
            // a trigger Quartz had taken just before it went to standby: its route is stopping
            if (camel.isStopping() || !camel.isStarted()) {
                LOG.warn("Schedule {}: the firing due {} came as the application stopped and did not run", name, scheduledFor);
                return;
            }
            Exchange firing = producer.send("direct:schedule-fire", message -> {
                message.getIn().setHeader(SCHEDULE_HEADER, name);
                message.getIn().setHeader(FIRED_BY_HEADER, "cron");
                message.getIn().setHeader(SCHEDULED_FOR_HEADER, scheduledFor);
            });
            // a failure the route could not record as a firing (the schedule was deleted meanwhile, the database is down)
            if (firing.getException() != null) {
                LOG.error("Schedule {}: the firing due {} was not recorded: {}", name, scheduledFor,
                        firing.getException().getMessage(), firing.getException());
            }
        });
        scheduler = quartz;
    }

    /** Starts firing; misfired triggers follow the misfire policy now. */
    public void startFiring() throws SchedulerException {
        if (!scheduler.isStarted()) scheduler.start();
    }

    /**
     * Stops firing as the application begins to stop, before its routes do: a firing due during
     * the stop is then a misfire at the next start (handled by the misfire policy), not a call
     * to a stopped route that holds the stop for the direct endpoint's timeout and is lost. A trigger
     * Quartz had already taken when it went to standby still fires; its dispatch sees the context
     * stopping and returns at once (logged).
     */
    public void stopFiring() {
        try {
            if (scheduler != null && scheduler.isStarted()) scheduler.standby();
        } catch (SchedulerException e) {
            LOG.warn("Schedules: could not pause firing before the stop: {}", e.getMessage());
        }
    }

    /** Creates, changes or removes the schedule's trigger; an unchanged trigger keeps its state (and its misfires). */
    void apply(Schedule schedule) throws SchedulerException {
        if (!schedule.enabled()) {
            remove(schedule.name());
            return;
        }
        Trigger existing = scheduler.getTrigger(triggerKey(schedule.name()));
        if (existing instanceof CronTrigger cron && cron.getCronExpression().equals(schedule.cron())
                && cron.getTimeZone().getID().equals(schedule.timeZone())
                && cron.getMisfireInstruction() == misfirePolicy.quartzInstruction()) {
            return;
        }
        JobDetail job = JobBuilder.newJob(ScheduleFiringJob.class).withIdentity(jobKey(schedule.name()))
                .withDescription("enqueues a job for schedule " + schedule.name()).storeDurably().build();
        scheduler.scheduleJob(job, Set.of(trigger(schedule)), true);
    }

    void remove(String name) throws SchedulerException {
        scheduler.deleteJob(jobKey(name));
    }

    /** Names of the schedules that have a trigger. */
    Set<String> scheduled() throws SchedulerException {
        return scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)).stream().map(JobKey::getName)
                .collect(java.util.stream.Collectors.toSet());
    }

    Optional<Instant> nextFireTime(String name) throws SchedulerException {
        Trigger trigger = scheduler.getTrigger(triggerKey(name));
        return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
    }

    private CronTrigger trigger(Schedule schedule) {
        CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(schedule.cron())
                .inTimeZone(TimeZone.getTimeZone(ZoneId.of(schedule.timeZone())));
        cron = misfirePolicy == MisfirePolicy.RUN_ONCE ? cron.withMisfireHandlingInstructionFireAndProceed()
                : cron.withMisfireHandlingInstructionDoNothing();
        return TriggerBuilder.newTrigger().withIdentity(triggerKey(schedule.name())).forJob(jobKey(schedule.name()))
                .withSchedule(cron).build();
    }

    private static JobKey jobKey(String name) {
        return JobKey.jobKey(name, GROUP);
    }

    private static TriggerKey triggerKey(String name) {
        return TriggerKey.triggerKey(name, GROUP);
    }
}
