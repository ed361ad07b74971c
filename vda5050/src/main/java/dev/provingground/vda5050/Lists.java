package dev.provingground.vda5050;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Immutable list copies for record components: absent lists become empty so callers never test for null. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> copy(String component, List<T> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            T element = list.get(i);
            if (element == null) {
                throw new NullPointerException(component + "[" + i + "] is null");
            }
            copy.add(element);
        }
        return Collections.unmodifiableList(copy);
    }
}
