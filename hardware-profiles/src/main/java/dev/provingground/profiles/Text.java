package dev.provingground.profiles;

/** Checks for required text components of profile records. */
final class Text {

    private Text() {
    }

    static void requireText(String field, String value) {
        if (value == null) {
            throw new InvalidFieldException(field, "required");
        }
        if (value.isBlank()) {
            throw new InvalidFieldException(field, "must not be blank");
        }
    }
}
