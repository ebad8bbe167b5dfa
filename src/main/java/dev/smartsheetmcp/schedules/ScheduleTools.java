package dev.smartsheetmcp.schedules;

import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.jobs.JobMode;
import dev.smartsheetmcp.jobs.JobQueue;
import dev.smartsheetmcp.toolkit.BudgetedList;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import dev.smartsheetmcp.schedules.ScheduleStore.Firing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.quartz.SchedulerException;

/**
 * The schedule tools: create_schedule, list_schedules, delete_schedule and run_schedule_now.
 * create_schedule checks its own fields here and the analysis fields with start_batch_analysis's
 * steps (see routes/schedules.yaml); nothing is stored unless every check passed.
 */
public final class ScheduleTools {

    private static final String ARGUMENTS = "ScheduleArguments";

    private final ScheduleBook book;
    private final ScheduleStore store;
    private final ScheduleTriggers triggers;
    private final JobQueue jobs;
    private final String defaultTimeZone;
    private int defaultMaxChars = 20_000;

    public ScheduleTools(ScheduleBook book, ScheduleStore store, ScheduleTriggers triggers, JobQueue jobs,
                         String defaultTimeZone) {
        this.book = book;
        this.store = store;
        this.triggers = triggers;
        this.jobs = jobs;
        this.defaultTimeZone = defaultTimeZone;
    }

    /** create_schedule's own fields: name (free, or replace), time zone, cron. Keeps the arguments for {@link #save}. */
    public void check(Exchange exchange) {
        ToolArguments args = ToolArguments.of(exchange.getMessage().getBody());
        String name = args.nonBlankText("name");
        ScheduleRules.nameProblem(name).ifPresent(problem -> {
            throw ToolException.invalidArgument("name", problem);
        });
        String zone = timeZone(args);
        ScheduleRules.timeZoneProblem(zone).ifPresent(problem -> {
            throw ToolException.invalidArgument("timeZone", "'" + shorten(zone) + "' " + problem);
        });
        ScheduleRules.cronProblem(args.nonBlankText("cron").trim(), zone).ifPresent(problem -> {
            throw ToolException.invalidArgument("cron", problem);
        });
        book.find(name).ifPresent(existing -> {
            if (existing.source() == Schedule.Source.CONFIG) throw definedInConfiguration(name);
            if (!args.flag("replace", false)) {
                throw ToolException.invalidArgument("name", "a schedule named '" + name
                        + "' exists already; pass replace: true to replace it");
            }
        });
        exchange.setProperty(ARGUMENTS, args.asMap());
    }

    /** After the analysis fields passed start_batch_analysis's checks: stores the schedule and its trigger. */
    public Map<String, Object> save(Exchange exchange) throws SchedulerException {
        ToolArguments args = ToolArguments.of(exchange.getProperty(ARGUMENTS));
        AnalysisType type = AnalysisType.parse(args.text("type"));
        List<String> sourceColumns = args.list("sourceColumns").stream().map(String.class::cast).toList();
        Schedule schedule = new Schedule(args.text("name"), Schedule.Source.TOOL, args.text("cron").trim(), timeZone(args),
                args.id("sheet_id"), type.wireName(), sourceColumns, args.text("targetColumn"),
                type == AnalysisType.CUSTOM ? args.text("customGoal").trim() : null, args.optionalInt("priority").orElse(0),
                args.optionalInt("batchSize").orElse(null), args.flag("overwriteEdited", false),
                args.flag("fullRerun", false), args.flag("enabled", true),
                JobMode.fromWire(args.optionalText("mode").orElse(JobMode.ONLINE.wire())));
        book.save(schedule, args.flag("replace", false));
        return describe(schedule);
    }

    /** list_schedules: by name, as many as fit max_chars after the cursor's; count is this answer's, total_count all. */
    public Map<String, Object> list(Map<String, Object> arguments) throws SchedulerException {
        BudgetedList<Map<String, Object>> page = BudgetedList.of("list_schedules", arguments, defaultMaxChars);
        List<Schedule> all = book.all();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("schedules", List.of());
        answer.put("count", 0);
        answer.put("total_count", all.size());
        page.frame(answer);
        for (Schedule schedule : page.remainder(all, Schedule::name, "schedule")) {
            if (!page.offer(describe(schedule))) break;
        }
        answer.put("schedules", page.items());
        answer.put("count", page.items().size());
        return page.finish(answer, schedule -> (String) schedule.get("name"));
    }

    /** The size budget of list_schedules when the call gives no max_chars (tools.max-answer-chars). */
    public void setDefaultMaxChars(int defaultMaxChars) {
        this.defaultMaxChars = defaultMaxChars;
    }

    public Map<String, Object> delete(Map<String, Object> arguments) throws SchedulerException {
        Schedule schedule = require(ToolArguments.of(arguments));
        if (schedule.source() == Schedule.Source.CONFIG) throw definedInConfiguration(schedule.name());
        book.delete(schedule.name());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("name", schedule.name());
        answer.put("deleted", true);
        answer.put("message", "Schedule deleted on every instance; the jobs it enqueued stay in list_jobs");
        return answer;
    }

    /** run_schedule_now: sets what {@code direct:schedule-fire} reads for a manual firing. */
    public void runNow(Exchange exchange) {
        ToolArguments args = ToolArguments.of(exchange.getMessage().getBody());
        Schedule schedule = require(args);
        exchange.getMessage().setHeader(ScheduleTriggers.SCHEDULE_HEADER, schedule.name());
        exchange.getMessage().setHeader(ScheduleTriggers.FIRED_BY_HEADER, "manual");
        exchange.setProperty(ScheduleFirings.FULL_RERUN, args.flag("fullRerun", false));
    }

    private Map<String, Object> describe(Schedule schedule) throws SchedulerException {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", schedule.name());
        view.put("source", schedule.source().wire());
        view.put("cron", schedule.cron());
        view.put("timeZone", schedule.timeZone());
        view.put("enabled", schedule.enabled());
        triggers.nextFireTime(schedule.name()).ifPresent(next -> view.put("nextFireTime", next.toString()));
        view.put("sheet_id", Long.toString(schedule.sheetId()));
        view.put("type", schedule.type());
        view.put("sourceColumns", schedule.sourceColumns());
        view.put("targetColumn", schedule.targetColumn());
        if (schedule.customGoal() != null) view.put("customGoal", schedule.customGoal());
        view.put("priority", schedule.priority());
        if (schedule.batchSize() != null) view.put("batchSize", schedule.batchSize());
        view.put("overwriteEdited", schedule.overwriteEdited());
        view.put("fullRerun", schedule.fullRerun());
        view.put("mode", schedule.mode().wire());
        store.recentFirings(schedule.name(), 1).stream().findFirst().ifPresent(last -> view.put("lastFiring", firing(last)));
        store.currentJobId(schedule.name()).flatMap(jobs::find).ifPresent(job ->
                view.put("lastJob", Map.of("jobId", job.spec().id(), "status", job.status().wire())));
        view.put("firings", store.firingCounts(schedule.name()));
        return view;
    }

    private static Map<String, Object> firing(Firing firing) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", firing.firedAt().toString());
        if (firing.scheduledFor() != null) view.put("scheduledFor", firing.scheduledFor().toString());
        view.put("firedBy", firing.firedBy());
        view.put("outcome", firing.outcome());
        if (firing.jobId() != null) view.put("jobId", firing.jobId());
        if (firing.detail() != null) view.put("detail", firing.detail());
        return view;
    }

    private Schedule require(ToolArguments args) {
        String name = args.nonBlankText("name");
        return book.find(name).orElseThrow(() -> ToolException.invalidArgument("name",
                "no schedule named '" + shorten(name) + "'; list_schedules shows the schedules there are"));
    }

    private String timeZone(ToolArguments args) {
        return args.optionalText("timeZone").map(String::trim).orElse(defaultTimeZone);
    }

    private static ToolException definedInConfiguration(String name) {
        return new ToolException("Schedule '" + name + "' is defined in the configuration (schedules." + name
                + ".* properties); change or remove it there and restart");
    }

    /** Echoed user text is kept short. */
    private static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
