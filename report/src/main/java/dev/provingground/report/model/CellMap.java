package dev.provingground.report.model;

import java.util.Arrays;

/**
 * Map cells (a pair of cell coordinates packed in a long) to the first robot seen there: open addressing on primitive
 * arrays, since a report marks a few cells per state sample of a million-event bundle, and boxed keys whose
 * {@code Long.hashCode} folds x onto y collide along every diagonal.
 */
final class CellMap {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys = new long[1024];
    private int[] values = new int[1024];
    private int size;

    CellMap() {
        Arrays.fill(keys, EMPTY);
    }

    int size() {
        return size;
    }

    /** Keeps the first value a key was given. */
    void putIfAbsent(long key, int value) {
        int slot = slot(keys, key);
        if (keys[slot] == key) {
            return;
        }
        keys[slot] = key;
        values[slot] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    /** Visits the entries in order of their keys, so a drawing of them is the same every run. */
    void forEachInKeyOrder(Entry visitor) {
        long[] sorted = new long[size];
        int n = 0;
        for (long key : keys) {
            if (key != EMPTY) sorted[n++] = key;
        }
        Arrays.sort(sorted);
        for (long key : sorted) {
            visitor.entry(key, values[slot(keys, key)]);
        }
    }

    @FunctionalInterface
    interface Entry {
        void entry(long key, int value);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(keys, oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    /** The key's slot, or the empty slot where it would go (linear probing from a well-mixed hash). */
    private static int slot(long[] keys, long key) {
        int mask = keys.length - 1;
        int slot = (int) mix(key) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The finaliser of SplitMix64: every bit of the key moves every bit of the hash. */
    private static long mix(long key) {
        long z = key;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
