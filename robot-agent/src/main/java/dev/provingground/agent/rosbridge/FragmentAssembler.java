package dev.provingground.agent.rosbridge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Puts rosbridge {@code fragment} messages back together (protocol §3.1.1: the data of fragments 0 … total-1,
 * concatenated, is the JSON text of the original message). Fragments may arrive in any order; a fragment whose
 * index or total does not fit is refused. At most {@code maxPartial} messages are held half-complete: a peer that
 * never sends the rest of a message cannot grow the agent's memory without bound (the oldest is dropped).
 * Pure; not thread-safe.
 */
public final class FragmentAssembler {

    private final int maxPartial;
    private final int maxFragments;
    private final Map<String, String[]> partial = new LinkedHashMap<>();
    private long dropped;

    public FragmentAssembler(int maxPartial, int maxFragments) {
        this.maxPartial = maxPartial;
        this.maxFragments = maxFragments;
    }

    /**
     * Takes one fragment; gives the whole message's JSON text once its last missing fragment arrived.
     *
     * @throws IllegalArgumentException for a fragment that cannot belong to any message (bad num/total/id)
     */
    public Optional<String> accept(String id, String data, int num, int total) {
        if (id == null || id.isEmpty()) throw new IllegalArgumentException("fragment without id");
        if (data == null) throw new IllegalArgumentException("fragment " + id + " without data");
        if (total < 1 || total > maxFragments)
            throw new IllegalArgumentException("fragment " + id + ": total " + total + " not in 1.." + maxFragments);
        if (num < 0 || num >= total)
            throw new IllegalArgumentException("fragment " + id + ": num " + num + " not in 0.." + (total - 1));
        String[] parts = partial.get(id);
        if (parts != null && parts.length != total) {
            // The peer reused an id for a message of another length: the old one can never complete.
            partial.remove(id);
            dropped++;
            parts = null;
        }
        if (parts == null) {
            if (total == 1) return Optional.of(data);
            if (partial.size() >= maxPartial) {
                String oldest = partial.keySet().iterator().next();
                partial.remove(oldest);
                dropped++;
            }
            parts = new String[total];
            partial.put(id, parts);
        }
        parts[num] = data;
        for (String p : parts) if (p == null) return Optional.empty();
        partial.remove(id);
        return Optional.of(String.join("", parts));
    }

    /** Half-complete messages given up on (too many at once, or an id reused). */
    public long dropped() {
        return dropped;
    }

    public int pending() {
        return partial.size();
    }
}
