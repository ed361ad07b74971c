package dev.provingground.vda5050;

/** JSONPath-style locations for error messages: {@code $.nodes[2].nodeId}, {@code $.maxArrayLens['order.nodes']}. */
final class JsonPaths {

    static final String ROOT = "$";

    private JsonPaths() {
    }

    static String child(String parent, String name) {
        if (isIdentifier(name)) {
            return parent + '.' + name;
        }
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    static String element(String parent, int index) {
        return parent + '[' + index + ']';
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isJavaIdentifierPart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
