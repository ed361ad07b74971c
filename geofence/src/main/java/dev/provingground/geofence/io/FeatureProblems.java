package dev.provingground.geofence.io;

import java.util.List;

import dev.provingground.geofence.Position;
import dev.provingground.geofence.validation.Problem;

/** Collects the problems of one feature, stamping each with the feature's id and index. */
final class FeatureProblems {

    private final List<Problem> sink;
    private final int index;
    private String featureId;
    private int count;

    FeatureProblems(List<Problem> sink, int index) {
        this.sink = sink;
        this.index = index;
    }

    void featureId(String id) {
        this.featureId = id;
    }

    String featureId() {
        return featureId;
    }

    int index() {
        return index;
    }

    void add(String path, String message) {
        add(path, message, null);
    }

    void add(String path, String message, Position where) {
        sink.add(new Problem(featureId, index, path, message, where));
        count++;
    }

    void add(Problem problem) {
        sink.add(problem);
        count++;
    }

    boolean any() {
        return count > 0;
    }
}
