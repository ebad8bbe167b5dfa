package dev.smartsheetmcp.schedules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.quartz.CronTrigger;

/**
 * What a firing missed while no instance was running does: {@code run-once} fires it once at
 * start-up, {@code skip} waits for the next regular time. Quartz's misfire instructions do it.
 */
enum MisfirePolicy {
    RUN_ONCE(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW),
    SKIP(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);

    private final int quartzInstruction;

    MisfirePolicy(int quartzInstruction) {
        this.quartzInstruction = quartzInstruction;
    }

    int quartzInstruction() {
        return quartzInstruction;
    }

    String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<MisfirePolicy> parse(String value) {
        return Arrays.stream(values()).filter(policy -> policy.wire().equalsIgnoreCase(value.trim())).findFirst();
    }

    static String allowedValues() {
        return Arrays.stream(values()).map(MisfirePolicy::wire).collect(Collectors.joining(" or "));
    }
}
