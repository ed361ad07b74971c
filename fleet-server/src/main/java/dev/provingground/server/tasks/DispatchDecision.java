package dev.provingground.server.tasks;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Why a task went to the robot it went to: every candidate considered with its cost, and the ones left out with
 * their reason. Kept on the task so an operator can see the decision.
 */
public record DispatchDecision(Instant at, String chosen, List<Candidate> candidates) {

    static final int SUMMARY_MAX = 500;

    public DispatchDecision {
        candidates = List.copyOf(candidates);
    }

    /**
     * One line for the log and the track record: the chosen robot's estimate, the next best ones, and how many robots
     * were left out and why — e.g. {@code rb-1 finishes in 98.1 s using 1.3 Wh, earliest of 2 candidates; next: rb-2
     * 103.9 s; left out: 1 not online}.
     */
    public String summary() {
        List<Candidate> considered = candidates.stream().filter(c -> c.excludedBecause() == null)
                .sorted(Comparator.comparingDouble(Candidate::finishSeconds)).toList();
        StringBuilder line = new StringBuilder();
        considered.stream().filter(c -> c.robot().equals(chosen)).findFirst().ifPresentOrElse(
                c -> line.append(String.format(Locale.ROOT, "%s finishes in %.1f s using %.1f Wh, earliest of %d candidate%s",
                        chosen, c.finishSeconds(), c.energyWh(), considered.size(), considered.size() == 1 ? "" : "s")),
                () -> line.append("no robot chosen of ").append(considered.size()).append(" candidates"));
        List<String> next = considered.stream().filter(c -> !c.robot().equals(chosen)).limit(3)
                .map(c -> String.format(Locale.ROOT, "%s %.1f s", c.robot(), c.finishSeconds())).toList();
        if (!next.isEmpty()) line.append("; next: ").append(String.join(", ", next));
        String leftOut = leftOut();
        if (!leftOut.isEmpty()) line.append("; left out: ").append(leftOut);
        // Track-record events carry at most 512 characters of reason.
        return line.length() <= SUMMARY_MAX ? line.toString() : line.substring(0, SUMMARY_MAX - 1) + "…";
    }

    /** How many robots were left out and why, the first three reasons, e.g. {@code 2 not online}; empty when none was. */
    public String leftOut() {
        Map<String, Long> byReason = candidates.stream().filter(c -> c.excludedBecause() != null)
                .collect(Collectors.groupingBy(Candidate::excludedBecause, TreeMap::new, Collectors.counting()));
        String first = byReason.entrySet().stream().limit(3).map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        return byReason.size() <= 3 ? first : first + " and " + (byReason.size() - 3) + " other reasons";
    }

    /**
     * @param finishSeconds estimated seconds until the task would be done by this robot; null when excluded
     * @param excludedBecause null when the robot was a candidate
     */
    public record Candidate(String robot, Double finishSeconds, Double energyWh, String excludedBecause) {

        /** As JSON-ready values, leaving out what is unknown: for the API and for the error of a refused task. */
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("robot", robot);
            if (finishSeconds != null) m.put("finishSeconds", finishSeconds);
            if (energyWh != null) m.put("energyWh", energyWh);
            if (excludedBecause != null) m.put("excludedBecause", excludedBecause);
            return m;
        }
    }
}
