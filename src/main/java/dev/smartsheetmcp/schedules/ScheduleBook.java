package dev.smartsheetmcp.schedules;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules kept in step in both places they live: the schedule table (what to run) and Quartz's
 * triggers (when). Configured schedules are upserted at every start; a configured schedule that
 * is no longer in the configuration is deleted then.
 */
public final class ScheduleBook {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleBook.class);

    private final ScheduleStore store;
    private final ScheduleTriggers triggers;

    public ScheduleBook(ScheduleStore store, ScheduleTriggers triggers) {
        this.store = store;
        this.triggers = triggers;
    }

    public Optional<Schedule> find(String name) {
        return store.find(name);
    }

    public List<Schedule> all() {
        return store.all();
    }

    /** Stores a new schedule (or replaces one) and schedules its trigger; on failure nothing stays stored. */
    public void save(Schedule schedule, boolean replacing) throws SchedulerException {
        Optional<Schedule> previous = replacing ? store.find(schedule.name()) : Optional.empty();
        if (previous.isPresent()) store.update(schedule); else store.insert(schedule);
        try {
            triggers.apply(schedule);
        } catch (SchedulerException | RuntimeException e) {
            if (previous.isPresent()) store.update(previous.get()); else store.delete(schedule.name());
            throw e;
        }
    }

    public void delete(String name) throws SchedulerException {
        triggers.remove(name);
        store.delete(name);
    }

    /** At start-up: configured schedules upserted, stale ones removed, every trigger matching the table. */
    public void applyConfiguration(Exchange exchange) throws SchedulerException {
        List<Schedule> configured = ConfiguredSchedules.read(exchange.getContext().getPropertiesComponent()).schedules();
        Set<String> configuredNames = configured.stream().map(Schedule::name).collect(Collectors.toSet());
        for (Schedule stored : store.all()) {
            if (stored.source() == Schedule.Source.CONFIG && !configuredNames.contains(stored.name())) {
                LOG.info("Schedule {} is no longer in the configuration: deleted", stored.name());
                store.delete(stored.name());
            }
        }
        for (Schedule schedule : configured) store.upsert(schedule);
        reconcileTriggers();
    }

    private void reconcileTriggers() throws SchedulerException {
        List<Schedule> schedules = store.all();
        Set<String> names = schedules.stream().map(Schedule::name).collect(Collectors.toSet());
        for (String orphan : triggers.scheduled()) {
            if (!names.contains(orphan)) triggers.remove(orphan);
        }
        for (Schedule schedule : schedules) triggers.apply(schedule);
        LOG.info("{} schedule(s), {} enabled", schedules.size(), schedules.stream().filter(Schedule::enabled).count());
    }
}
