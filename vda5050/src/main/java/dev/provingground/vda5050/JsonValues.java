package dev.provingground.vda5050;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free-form JSON values (action parameter values, 3D envelope data) held as String, Boolean, Long, Double,
 * List or Map (JSON null allowed inside lists and maps). Integral numbers become Long and others Double, so a
 * value compares equal to itself after a trip through JSON whatever Java number type it was built with.
 */
final class JsonValues {

    private JsonValues() {
    }

    static Object normalize(String what, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean
                || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        if (value instanceof BigInteger big) {
            if (big.bitLength() < 64) {
                return big.longValue();
            }
            return big.doubleValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            return normalizeObject(what, map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(normalize(what + "[" + i + "]", list.get(i)));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(what + " has type " + value.getClass().getName()
                + ", not a JSON value (String, Boolean, Number, List or Map)");
    }

    static Map<String, Object> normalizeObject(String what, Map<?, ?> map) {
        if (map == null) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException(what + " has a non-string key " + entry.getKey());
            }
            copy.put(key, normalize(what + "." + key, entry.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }
}
