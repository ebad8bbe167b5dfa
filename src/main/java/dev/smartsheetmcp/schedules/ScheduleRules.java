package dev.smartsheetmcp.schedules;

import java.text.ParseException;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/** What makes a schedule's name, cron expression and time zone acceptable; Quartz judges the cron. */
final class ScheduleRules {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    static final String NAME_RULE = "must be 1 to 64 letters, digits, '_', '.' or '-'";

    private ScheduleRules() {
    }

    static Optional<String> nameProblem(String name) {
        return NAME.matcher(name).matches() ? Optional.empty() : Optional.of(NAME_RULE);
    }

    /** Checked with the time zone it runs in: an expression that never fires again is refused too. */
    static Optional<String> cronProblem(String cron, String timeZone) {
        try {
            CronExpression.validateExpression(cron);
        } catch (ParseException e) {
            return Optional.of("is not a valid Quartz cron expression (" + e.getMessage()
                    + "); it has 6 or 7 fields, seconds first, e.g. '0 0 2 * * ?' for 02:00 every day");
        }
        try {
            CronExpression expression = new CronExpression(cron);
            if (timeZoneProblem(timeZone).isEmpty()) expression.setTimeZone(TimeZone.getTimeZone(ZoneId.of(timeZone)));
            return expression.getNextValidTimeAfter(new Date()) == null
                    ? Optional.of("never fires again (all its times are in the past)") : Optional.empty();
        } catch (ParseException e) {
            return Optional.of("is not a valid Quartz cron expression (" + e.getMessage() + ")");
        }
    }

    static Optional<String> timeZoneProblem(String timeZone) {
        return ZoneId.getAvailableZoneIds().contains(timeZone) ? Optional.empty()
                : Optional.of("is not an IANA time zone id, such as UTC, Europe/Berlin or America/New_York");
    }
}
