package dev.provingground.vda5050;

/**
 * One key/value parameter of an action. The value is any JSON value except null: String, Boolean, a number
 * (held as Long when integral, else Double), a List or a Map with String keys.
 */
public record ActionParameter(String key, Object value) {

    public ActionParameter {
        value = JsonValues.normalize("ActionParameter " + key, value);
    }

    public static ActionParameter of(String key, Object value) {
        return new ActionParameter(key, value);
    }
}
