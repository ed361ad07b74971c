package dev.provingground.documents;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Where a pointer falls in a document, as a sort key: per step the field's position in its object (a field the
 * object lacks, say a missing required one, before all it has: the reader misses it on opening the object) or the
 * element's index, so problems are listed in the order a reader meets them.
 */
record DocumentOrder(int[] steps) implements Comparable<DocumentOrder> {

    static DocumentOrder of(JsonNode document, String pointer) {
        if (pointer.isEmpty()) return new DocumentOrder(new int[0]);
        String[] tokens = pointer.substring(1).split("/", -1);
        int[] steps = new int[tokens.length];
        JsonNode node = document;
        for (int i = 0; i < tokens.length; i++) {
            String name = tokens[i].replace("~1", "/").replace("~0", "~");
            if (node != null && node.isArray() && name.matches("\\d{1,9}")) {
                steps[i] = Integer.parseInt(name);
                node = node.get(steps[i]);
            } else if (node != null && node.isObject()) {
                steps[i] = position(node, name);
                node = node.get(name);
            } else {
                steps[i] = Integer.MAX_VALUE;
                node = null;
            }
        }
        return new DocumentOrder(steps);
    }

    private static int position(JsonNode object, String name) {
        int index = 0;
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); index++) {
            if (names.next().equals(name)) return index;
        }
        return -1;
    }

    @Override
    public int compareTo(DocumentOrder other) {
        return Arrays.compare(steps, other.steps);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DocumentOrder o && Arrays.equals(steps, o.steps);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(steps);
    }

    @Override
    public String toString() {
        return Arrays.toString(steps);
    }
}
