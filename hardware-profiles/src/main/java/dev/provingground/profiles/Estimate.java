package dev.provingground.profiles;

/**
 * A figure of a profile that no source publishes directly, and how it was obtained, so that nobody mistakes
 * an estimate for a datasheet value.
 *
 * @param field path of the figure inside the profile, e.g. {@code service.powerIdleW}
 * @param basis how the value was derived or why it was assumed
 */
public record Estimate(String field, String basis) {

    public Estimate {
        Text.requireText("field", field);
        Text.requireText("basis", basis);
    }
}
