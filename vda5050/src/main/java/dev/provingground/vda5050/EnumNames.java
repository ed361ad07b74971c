package dev.provingground.vda5050;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Exact-name lookup of enum constants, cached per enum type; VDA 5050 enum values are case-sensitive. */
final class EnumNames<E extends Enum<E>> {

    private static final ClassValue<EnumNames<?>> CACHE = new ClassValue<>() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected EnumNames<?> computeValue(Class<?> type) {
            return new EnumNames(type);
        }
    };

    private final Map<String, E> byName = new HashMap<>();
    private final E[] constants;
    private final String list;

    private EnumNames(Class<E> type) {
        constants = type.getEnumConstants();
        for (E constant : constants) {
            byName.put(constant.name(), constant);
        }
        list = Arrays.toString(constants);
    }

    @SuppressWarnings("unchecked")
    static <E extends Enum<E>> EnumNames<E> of(Class<E> type) {
        return (EnumNames<E>) CACHE.get(type);
    }

    E get(String name) {
        return byName.get(name);
    }

    /** Like {@link #get(String)} for text not held as a string (the streaming decoder reads the parser's buffer). */
    E get(CharSequence name) {
        for (E constant : constants) {
            if (constant.name().contentEquals(name)) {
                return constant;
            }
        }
        return null;
    }

    String list() {
        return list;
    }
}
