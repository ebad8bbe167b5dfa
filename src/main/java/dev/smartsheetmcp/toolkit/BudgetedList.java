package dev.smartsheetmcp.toolkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a listing tool's answer: reads {@code max_chars} and {@code cursor} from the call's
 * arguments, takes the items offered while they fit the {@link AnswerBudget}, and writes the
 * {@link Cursor} that continues after the last item taken when one did not fit. Without a
 * {@code cursor} in the answer the listing is complete.
 *
 * <p>A cursor's position is {@code {"after": key of the last item answered, "n": items answered
 * so far}}; each tool says how it finds its place again from that key (keyset, anchor row).
 */
public final class BudgetedList<T> {

    /** The longest key a position holds (a schedule name, a job's time and id). */
    private static final int MAX_KEY_CHARS = 120;
    /** Room for the totals a tool fills in after the items, beyond what its frame held. */
    private static final int SLACK_CHARS = 40;

    private final String tool;
    private final Map<String, Object> arguments;
    private final int maxChars;
    private final JsonNode position;
    private final List<T> taken = new ArrayList<>();
    private AnswerBudget budget;
    private boolean full;

    private BudgetedList(String tool, Map<String, Object> arguments, int maxChars, JsonNode position) {
        this.tool = tool;
        this.arguments = arguments;
        this.maxChars = maxChars;
        this.position = position;
    }

    /**
     * The page {@code tool} was asked for: {@code max_chars} (default {@code defaultMaxChars}) and
     * the position of {@code cursor}, checked to come from this tool with the same arguments.
     */
    public static <T> BudgetedList<T> of(String tool, Object arguments, int defaultMaxChars) {
        ToolArguments args = ToolArguments.of(arguments);
        int maxChars = AnswerBudget.maxChars(args, defaultMaxChars);
        JsonNode position = null;
        Optional<String> cursor = args.optionalText(Cursor.ARGUMENT);
        if (cursor.isPresent()) {
            position = Cursor.decode(tool, args.asMap(), cursor.get());
            if (!position.path("after").isTextual() || !position.path("n").canConvertToInt()) {
                throw ToolException.invalidArgument(Cursor.ARGUMENT, "is not a cursor this server answered; pass it back unchanged");
            }
        }
        return new BudgetedList<>(tool, args.asMap(), maxChars, position);
    }

    /** True on the first page (no cursor given). */
    public boolean fromStart() {
        return position == null;
    }

    /** The key of the last item the previous page answered; empty on the first page. */
    public Optional<String> after() {
        return fromStart() ? Optional.empty() : Optional.of(position.path("after").asText());
    }

    /** How many items the previous pages answered (0 on the first page). */
    public int answeredBefore() {
        return fromStart() ? 0 : position.path("n").asInt();
    }

    public int maxChars() {
        return maxChars;
    }

    /**
     * Sets the budget aside for the answer's frame: {@code frame} is the answer with its item lists
     * empty; room for the cursor and the totals is added.
     */
    public BudgetedList<T> frame(Object frame) {
        int cursorChars = ",\"cursor\":\"\"".length()
                + Cursor.encode(tool, arguments, Map.of("after", "x".repeat(MAX_KEY_CHARS), "n", Integer.MAX_VALUE)).length();
        budget = new AnswerBudget(maxChars, AnswerBudget.jsonLength(frame) + cursorChars + SLACK_CHARS);
        return this;
    }

    /** Offers the next item; false once the budget is full, for this item and every later one. */
    public boolean offer(T item) {
        return offer(item, item);
    }

    /** Offers {@code item}, counting {@code asAnswered}: what the answer will hold for it. */
    public boolean offer(T item, Object asAnswered) {
        if (budget == null) throw new IllegalStateException("frame(...) sets the budget before items are offered");
        if (full || !budget.tryTake(asAnswered)) {
            full = true;
            return false;
        }
        taken.add(item);
        return true;
    }

    /** Offers items in order until one does not fit. */
    public BudgetedList<T> offerAll(Iterable<? extends T> items) {
        for (T item : items) {
            if (!offer(item)) break;
        }
        return this;
    }

    /** The items taken, in the order offered. */
    public List<T> items() {
        return taken;
    }

    /** True when an item was refused: the listing goes on after the last item taken. */
    public boolean full() {
        return full;
    }

    /** How many items this page and the previous ones answered. */
    public int answeredSoFar() {
        return answeredBefore() + taken.size();
    }

    /**
     * Puts {@code cursor} into {@code answer} when an item was refused, continuing after the last
     * item taken (its key by {@code key}); answers {@code answer}.
     */
    public Map<String, Object> finish(Map<String, Object> answer, Function<T, String> key) {
        if (full && !taken.isEmpty()) {
            Map<String, Object> next = new LinkedHashMap<>();
            next.put("after", key.apply(taken.get(taken.size() - 1)));
            next.put("n", answeredSoFar());
            answer.put(Cursor.ARGUMENT, Cursor.encode(tool, arguments, next));
        }
        return answer;
    }

    /**
     * The items after the one keyed {@link #after()} (all of them on the first page); a key no
     * longer in {@code items} is a stale cursor, reported naming {@code cursor}.
     */
    public <E> List<E> remainder(List<E> items, Function<E, String> key, String itemKind) {
        if (fromStart()) return items;
        String anchor = after().orElseThrow();
        for (int i = 0; i < items.size(); i++) {
            if (anchor.equals(key.apply(items.get(i)))) return items.subList(i + 1, items.size());
        }
        throw staleCursor(itemKind);
    }

    /** The error of a cursor whose place is gone: the item it continues after was deleted. */
    public static ToolException staleCursor(String itemKind) {
        return ToolException.invalidArgument(Cursor.ARGUMENT, "is stale: the " + itemKind
                + " the previous page ended with no longer exists; call again without a cursor to start over");
    }
}
