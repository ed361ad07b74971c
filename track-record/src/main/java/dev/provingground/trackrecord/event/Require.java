package dev.provingground.trackrecord.event;

/** Field checks for event records; each failure names the field and the value. */
final class Require {

    private Require() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** Non-empty text of at most {@code 512} characters without control characters. */
    static String text(String value, String field) {
        present(value, field);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return optionalText(value, field);
    }

    static String optionalText(String value, String field) {
        if (value == null) {
            return null;
        }
        if (value.length() > 512) {
            throw new IllegalArgumentException(field + " is longer than 512 characters (" + value.length() + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(field + " contains a control character at position " + i);
            }
        }
        return value;
    }

    static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, got " + value);
        }
        return value;
    }

    static double nonNegative(double value, String field) {
        finite(value, field);
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, got " + value);
        }
        return value;
    }

    static Double optionalNonNegative(Double value, String field) {
        return value == null ? null : nonNegative(value, field);
    }
}
