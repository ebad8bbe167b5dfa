package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.List;
import java.util.Random;

/**
 * Deterministic, realistic customer feedback built from a seeded mix of sentence fragments:
 * positive, negative, neutral and mixed, from a few words to well over 1,500 characters.
 */
final class FeedbackText {

    enum Tone { POSITIVE, NEGATIVE, NEUTRAL, MIXED }

    /** One generated piece of feedback and the star rating that fits it. */
    record Feedback(String text, Tone tone, int rating) {
    }

    private static final List<String> SUBJECTS = List.of(
            "the mobile app", "your support team", "the checkout page", "the latest update", "the delivery",
            "the billing portal", "the onboarding call", "the new dashboard", "the invoice export", "the search feature",
            "the agent I spoke to", "the installation guide", "the reporting module", "the password reset flow",
            "the subscription renewal", "the live chat", "the returns process", "the product quality", "the Android widget",
            "the shared calendar");

    private static final List<String> PRAISE = List.of(
            "%s was fast and easy to use.", "I was impressed by how quickly %s solved my problem.",
            "Honestly, %s exceeded my expectations.", "%s works exactly as advertised.",
            "Thanks to %s I saved hours this week.", "Really pleased with %s, keep it up.",
            "%s is intuitive and well designed.", "Five stars for %s, it just works.",
            "I love how reliable %s has become.", "%s made the whole experience pleasant.");

    private static final List<String> COMPLAINTS = List.of(
            "%s kept crashing whenever I tried to save.", "I waited over forty minutes because of %s.",
            "%s charged me twice and nobody has refunded me yet.", "Very disappointed with %s.",
            "%s is confusing and the labels make no sense.", "I had to explain my issue three times to %s.",
            "%s stopped working after I changed my password.", "%s is far too slow on older phones.",
            "The error messages in %s are useless.", "%s lost the data I had entered, which is unacceptable.");

    private static final List<String> NEUTRAL = List.of(
            "I used %s for the first time today.", "%s did what I needed, nothing more.",
            "I would like to know whether %s will support CSV files.", "%s seems similar to what other vendors offer.",
            "Could you tell me when %s is available in French?", "I have a question about how %s handles time zones.",
            "%s was okay.", "No strong feelings about %s either way.",
            "I noticed %s changed its layout last week.", "Is there documentation for %s somewhere?");

    private static final List<String> BUT = List.of(
            "However, ", "That said, ", "On the other hand, ", "But ", "Still, ", "Unfortunately, ");

    private static final List<String> CLOSINGS = List.of(
            "Thanks.", "Please fix this soon.", "Keep up the good work!", "Let me know if you need more details.",
            "I will probably renew next year.", "I am considering switching providers.", "Cheers.",
            "Order number is in my account.", "Would recommend to colleagues.", "");

    private static final List<String> SHORT = List.of(
            "Great service, thanks!", "Terrible experience.", "ok", "Works fine.", "Never again.",
            "Love it!", "Slow delivery.", "Refund please.", "Meh.", "Very helpful agent.");

    private final Random random;

    FeedbackText(long seed) {
        this.random = new Random(seed);
    }

    /** One piece of feedback; {@code veryLong} asks for more than 1,500 characters. */
    Feedback next(boolean veryLong) {
        Tone tone = Tone.values()[random.nextInt(Tone.values().length)];
        if (!veryLong && random.nextInt(8) == 0) {
            String text = pick(SHORT);
            return new Feedback(text, toneOfShort(text), ratingFor(toneOfShort(text)));
        }
        int sentences = veryLong ? 0 : 1 + random.nextInt(random.nextInt(4) == 0 ? 8 : 3);
        StringBuilder text = new StringBuilder();
        int written = 0;
        while (veryLong ? text.length() < 1_600 : written < sentences) {
            if (text.length() > 0) text.append(' ');
            text.append(sentence(tone, written));
            written++;
        }
        String closing = pick(CLOSINGS);
        if (!closing.isEmpty()) text.append(' ').append(closing);
        return new Feedback(text.toString(), tone, ratingFor(tone));
    }

    /** A rewrite of existing feedback as a person would make it: new wording, same kind of content. */
    String rewrite(String previous) {
        String text;
        do {
            text = next(false).text();
        } while (text.equals(previous));
        return text;
    }

    private String sentence(Tone tone, int position) {
        String subject = pick(SUBJECTS);
        return switch (tone) {
            case POSITIVE -> capitalize(String.format(pick(PRAISE), subject));
            case NEGATIVE -> capitalize(String.format(pick(COMPLAINTS), subject));
            case NEUTRAL -> capitalize(String.format(pick(NEUTRAL), subject));
            case MIXED -> position % 2 == 0
                    ? capitalize(String.format(pick(PRAISE), subject))
                    : pick(BUT) + lowerFirst(String.format(pick(COMPLAINTS), subject));
        };
    }

    private int ratingFor(Tone tone) {
        return switch (tone) {
            case POSITIVE -> 4 + random.nextInt(2);
            case NEGATIVE -> 1 + random.nextInt(2);
            case NEUTRAL -> 3;
            case MIXED -> 2 + random.nextInt(3);
        };
    }

    private static Tone toneOfShort(String text) {
        int index = SHORT.indexOf(text);
        return switch (index) {
            case 0, 3, 5, 9 -> Tone.POSITIVE;
            case 1, 4, 6, 7 -> Tone.NEGATIVE;
            default -> Tone.NEUTRAL;
        };
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String lowerFirst(String text) {
        return text.startsWith("I ") ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
