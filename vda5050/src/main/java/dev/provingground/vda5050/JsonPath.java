package dev.provingground.vda5050;

/**
 * A location in a message being decoded, such as {@code $.nodes[2].nodeId}. Its text ({@link #toString()}) is built
 * only when asked for, which is when a value there is reported: decoding passes every field of every state message,
 * and building each field's path as text cost more than decoding the field.
 */
final class JsonPath {

    static final JsonPath ROOT = new JsonPath(null, null, -1);

    private final JsonPath parent;
    /** The member's name, or null for an array element. */
    private final String name;
    private final int index;

    private JsonPath(JsonPath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    JsonPath child(String member) {
        return new JsonPath(this, member, -1);
    }

    JsonPath element(int at) {
        return new JsonPath(this, null, at);
    }

    @Override
    public String toString() {
        if (parent == null) return JsonPaths.ROOT;
        return name != null ? JsonPaths.child(parent.toString(), name) : JsonPaths.element(parent.toString(), index);
    }
}
