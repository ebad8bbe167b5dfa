package dev.smartsheetmcp.schedules;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * The one Quartz job of every schedule: hands the firing to the {@code schedule-fire} route of
 * the instance Quartz chose. The job's key is the schedule's name.
 */
@DisallowConcurrentExecution
public final class ScheduleFiringJob implements Job {

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            ScheduleTriggers.Dispatch dispatch =
                    (ScheduleTriggers.Dispatch) context.getScheduler().getContext().get(ScheduleTriggers.DISPATCH);
            dispatch.fire(context.getJobDetail().getKey().getName(), context.getScheduledFireTime().toInstant());
        } catch (SchedulerException | RuntimeException e) {
            throw new JobExecutionException(e);
        }
    }
}
