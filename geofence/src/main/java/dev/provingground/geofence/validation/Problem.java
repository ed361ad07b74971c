package dev.provingground.geofence.validation;

import dev.provingground.geofence.Position;

/**
 * One thing wrong with an imported zone collection.
 *
 * @param featureId    the feature's id, or null when it has none or the problem concerns the whole collection
 * @param featureIndex position of the feature in the collection (0-based), or -1 for the whole collection
 * @param path         JSON path inside the feature (e.g. {@code geometry.coordinates[0][3]}), or "" when none fits
 * @param message      what is wrong, with the offending value
 * @param where        where in the feature's own coordinate frame, or null when the problem has no place
 */
public record Problem(String featureId, int featureIndex, String path, String message, Position where) {

    public Problem {
        path = path == null ? "" : path;
    }

    public Problem withWhere(Position newWhere) {
        return new Problem(featureId, featureIndex, path, message, newWhere);
    }

    /** One line naming the feature, the place in it and the problem, e.g. for an API error or a log. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (featureIndex < 0) {
            sb.append("collection");
        } else {
            sb.append("feature ");
            if (featureId != null) sb.append('\'').append(featureId).append("' ");
            sb.append("(#").append(featureIndex).append(')');
        }
        if (!path.isEmpty()) sb.append(' ').append(path);
        sb.append(": ").append(message);
        if (where != null) sb.append(" at ").append(where);
        return sb.toString();
    }
}
