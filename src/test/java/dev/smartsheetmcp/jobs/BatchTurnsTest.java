package dev.smartsheetmcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Batch turns among the jobs of one instance: by priority, then the job whose last turn is oldest. */
class BatchTurnsTest {

    private final BatchTurns turns = new BatchTurns(1);
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newCachedThreadPool();

    @Test
    void theNextTurnGoesToTheHighestPriorityThenToTheJobThatWaitedLongestSinceItsLastTurn() throws Exception {
        assertThat(turns.take("large", 0, () -> false)).isTrue(); // large's batch in flight
        waitForTurn("large", 0);
        waitForTurn("small", 0);
        waitForTurn("urgent", 10);
        await().until(() -> turns.waiting() == 3);

        for (int i = 0; i < 3; i++) {
            int before = order.size();
            turns.give();
            await().until(() -> order.size() == before + 1);
        }
        turns.give();
        assertThat(order).containsExactly("urgent", "small", "large");
        workers.shutdownNow();
    }

    @Test
    void aWaiterGivesUpWhenTheApplicationStops() throws Exception {
        assertThat(turns.take("large", 0, () -> false)).isTrue();
        assertThat(turns.take("small", 0, () -> true)).isFalse();
    }

    private void waitForTurn(String job, int priority) {
        workers.submit(() -> {
            if (turns.take(job, priority, () -> false)) order.add(job);
            return null;
        });
    }
}
