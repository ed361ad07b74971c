package dev.provingground.server.store;

import dev.provingground.server.config.StoreConfig;
import dev.provingground.trackrecord.store.CrashSafeMapDb;
import org.mapdb.DB;
import org.mapdb.Serializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Collections;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import dev.provingground.trackrecord.store.StorageHealth;
import dev.provingground.trackrecord.store.StorageUnavailableException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One MapDB file with transactions on (opened crash-safe, see {@link CrashSafeMapDb}) and a single writer thread that
 * commits in groups.
 *
 * <p>Callers (the event loop among them) never touch MapDB while it is open for writing: they enqueue a change
 * and get a future that completes once the change is committed. The writer drains everything queued, applies it
 * and commits once, so under load one fsync covers many changes and when idle a change is durable at once.
 *
 * <p>A failed commit (disk full, an I/O error) is rolled back: MapDB drops its uncommitted state and the file keeps
 * the last commit (see {@code RedoLogVolume}), so a change whose future failed is never stored, now or by a later
 * commit. The store then reports itself failing ({@link #health()}) and its writer probes with a small commit, with
 * back-off, until one succeeds; any successful commit ends the spell.
 */
public final class MapDbStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MapDbStore.class.getName());

    private final DB db;
    private final StoreConfig config;
    private final Clock clock;
    private final Map<String, Map<String, byte[]>> tables = new ConcurrentHashMap<>();
    private static final String QUARANTINE_TABLE = "_quarantine";
    private static final VersionedJson<QuarantinedRecord> QUARANTINED = new VersionedJson<>(QuarantinedRecord.class, 1);
    /** Every record set aside, this run's and earlier runs'; shown to operators. */
    private final List<QuarantinedRecord> quarantined = new CopyOnWriteArrayList<>();
    private final List<QuarantinedRecord> quarantinedThisRun = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Change> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closing;
    private static final String PROBE_TABLE = "_storage-probe";
    private static final long RETRY_MIN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long RETRY_MAX_NANOS = TimeUnit.SECONDS.toNanos(2);
    private volatile String faultReason;
    private volatile Instant faultSince;
    private volatile long outages;
    private long backoffNanos = RETRY_MIN_NANOS;
    /** The change enqueued last: changes commit in order, so once it is done every earlier one is too. */
    private final AtomicReference<CompletableFuture<Void>> last =
            new AtomicReference<>(CompletableFuture.completedFuture(null));

    private MapDbStore(DB db, StoreConfig config, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.config = config;
        // Read before the writer starts; a quarantine entry that is unreadable itself is only logged.
        table(QUARANTINE_TABLE).readAll().forEach((key, bytes) -> {
            try {
                quarantined.add(QUARANTINED.decode(bytes));
            } catch (RuntimeException e) {
                LOG.warning("quarantine entry " + key + " is unreadable too: " + reasonOf(e));
            }
        });
        this.writer = new Thread(this::writeLoop, "mapdb-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    public static MapDbStore open(Path file, StoreConfig config) {
        return open(file, config, Clock.systemUTC());
    }

    /** As {@link #open(Path, StoreConfig)}, with the clock that dates a spell of failing storage. */
    public static MapDbStore open(Path file, StoreConfig config, Clock clock) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create data directory for " + file + ": " + e.getMessage(), e);
        }
        DB db = CrashSafeMapDb.open(file);
        return new MapDbStore(db, config, clock);
    }

    /** A named table of versioned values; reads are for start-up, writes go through the writer thread. */
    public Table table(String name) {
        tables.computeIfAbsent(name, n -> db.hashMap(n, Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen());
        return new Table(name);
    }

    /**
     * A named table kept in key order (a B-tree), for records read a page at a time in that order rather than all at
     * start-up; writes go through the writer thread like any table's.
     */
    public Table sortedTable(String name) {
        tables.computeIfAbsent(name, n -> db.treeMap(n, Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen());
        return new Table(name);
    }

    public final class Table {
        private final String name;

        private Table(String name) {
            this.name = name;
        }

        /** A consistent copy of what is committed; call before writes start (start-up). */
        public Map<String, byte[]> readAll() {
            return new LinkedHashMap<>(tables.get(name));
        }

        /**
         * Each committed value decoded, by key. A value that cannot be decoded is quarantined ({@link #quarantine})
         * and left out, so one unreadable record never keeps the server from starting.
         */
        public <T> Map<String, T> readAll(Function<byte[], T> decode) {
            Map<String, T> out = new LinkedHashMap<>();
            readAll().forEach((key, bytes) -> {
                try {
                    out.put(key, decode.apply(bytes));
                } catch (RuntimeException e) {
                    quarantine(key, reasonOf(e));
                }
            });
            return out;
        }

        /**
         * Sets a record the server cannot use aside: one commit moves it from this table into {@code _quarantine},
         * with the reason, and a SEVERE log line names it; operators list it with {@code GET /api/v1/quarantine}.
         */
        public CompletableFuture<Void> quarantine(String key, String reason) {
            byte[] bytes = tables.get(name).get(key);
            if (bytes == null) return CompletableFuture.completedFuture(null);
            QuarantinedRecord record = noteQuarantined(new QuarantinedRecord(name, key, reason, clock.instant(), bytes),
                    "it is kept in table " + QUARANTINE_TABLE);
            return writeAll(w -> w.put(table(QUARANTINE_TABLE), quarantineKey(record), QUARANTINED.encode(record))
                    .remove(this, key));
        }

        /** The value stored under {@code key} (committed, or about to be), or null. Safe from any thread. */
        public byte[] get(String key) {
            return tables.get(name).get(key);
        }

        /**
         * The table in key order, read-only, read through to the store; only for a table opened with
         * {@link #sortedTable}. Safe from any thread; for paging, not for the event loop.
         */
        public NavigableMap<String, byte[]> inKeyOrder() {
            if (!(tables.get(name) instanceof NavigableMap<String, byte[]> sorted))
                throw new IllegalStateException("table " + name + " is not sorted");
            return Collections.unmodifiableNavigableMap(sorted);
        }

        public CompletableFuture<Void> put(String key, byte[] value) {
            return enqueue(new Change(List.of(Op.put(name, key, value))));
        }

        public CompletableFuture<Void> remove(String key) {
            return enqueue(new Change(List.of(new Op(name, key, null))));
        }
    }

    /** Collects the writes of one change, which are committed together or not at all. */
    public static final class Writes {
        private final List<Op> ops = new ArrayList<>();

        public Writes put(Table table, String key, byte[] value) {
            ops.add(Op.put(table.name, key, value));
            return this;
        }

        /**
         * A put whose value is encoded on the writer thread, just before its commit: for many records written at
         * once (every robot's status each second), whose encoding would otherwise hold up the caller's event loop.
         * {@code encode} must only read immutable data. If it throws, this change alone is refused.
         */
        public Writes putEncoded(Table table, String key, Supplier<byte[]> encode) {
            ops.add(new Op(table.name, key, encode));
            return this;
        }

        public Writes remove(Table table, String key) {
            ops.add(new Op(table.name, key, null));
            return this;
        }
    }

    public CompletableFuture<Void> writeAll(Consumer<Writes> change) {
        Writes writes = new Writes();
        change.accept(writes);
        return enqueue(new Change(List.copyOf(writes.ops)));
    }

    /**
     * A change whose writes are gathered on the writer thread when its turn comes, just before its commit: for a
     * periodic write of many records (every robot's status each second) whose gathering would otherwise hold up
     * the caller's event loop. {@code gather} must only read what is safe to read from another thread. If it
     * throws, this change alone is refused.
     */
    public CompletableFuture<Void> writeGathered(Consumer<Writes> gather) {
        return enqueue(new Change(null, gather, new CompletableFuture<>()));
    }

    private CompletableFuture<Void> enqueue(Change change) {
        if (closing) return CompletableFuture.failedFuture(new IllegalStateException("store is closed"));
        synchronized (last) {
            queue.add(change);
            last.set(change.done);
        }
        return change.done;
    }

    /**
     * Completes once every change enqueued before the call is committed (or failed), at no cost when none waits:
     * for callers that must see the store settled, such as tests stepping a server through virtual time.
     */
    public CompletableFuture<Void> flush() {
        return last.get().handle((v, e) -> null);
    }

    /**
     * Notes something read at start-up outside this database that could not be read and was moved aside by its own
     * store (a floor-plan image, a track-record log): logged and listed like a quarantined record, and kept in
     * {@code _quarantine} so later runs list it too.
     *
     * @param source  what kind of thing it is, e.g. {@code floor-plans}
     * @param key     which one, e.g. the image's file name
     * @param keptAt  where its store moved it
     * @param content its first bytes, to recognise it by
     */
    public CompletableFuture<Void> quarantined(String source, String key, String reason, String keptAt, byte[] content) {
        QuarantinedRecord record = noteQuarantined(new QuarantinedRecord(source, key, reason + "; kept at " + keptAt,
                clock.instant(), content), "its store moved it aside");
        return writeAll(w -> w.put(table(QUARANTINE_TABLE), quarantineKey(record), QUARANTINED.encode(record)));
    }

    private QuarantinedRecord noteQuarantined(QuarantinedRecord record, String keptWhere) {
        quarantined.add(record);
        quarantinedThisRun.add(record);
        LOG.severe("quarantined stored record " + record.table() + "/" + record.key() + " (" + record.value().length
                + " bytes): " + record.reason() + "; the server runs without it, and " + keptWhere
                + " (GET /api/v1/quarantine)");
        return record;
    }

    private static String quarantineKey(QuarantinedRecord record) {
        return record.table() + "/" + record.key() + "@" + record.at().toEpochMilli();
    }

    /** The records set aside since this store was opened (this start-up), oldest first. */
    public List<QuarantinedRecord> quarantinedThisRun() {
        return List.copyOf(quarantinedThisRun);
    }

    /** The stored records set aside because they could not be read, oldest first. */
    public List<QuarantinedRecord> quarantined() {
        return List.copyOf(quarantined);
    }

    /** One line: the exception's message and its causes', so a log line or API answer says what was wrong. */
    private static String reasonOf(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 1000; t = t.getCause()) {
            if (!out.isEmpty()) out.append(": ");
            out.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        return out.toString().replaceAll("\\s+", " ");
    }

    /** Whether the last commit worked; while it did not, why and since when. Safe from any thread. */
    public StorageHealth health() {
        String reason = faultReason;
        return new StorageHealth(reason != null, reason, reason == null ? null : faultSince, 0, 0, outages);
    }

    private void writeLoop() {
        List<Change> batch = new ArrayList<>();
        while (true) {
            try {
                Change first = faultReason == null ? queue.take() : queue.poll(backoffNanos, TimeUnit.NANOSECONDS);
                if (first == null) {
                    probe();
                    continue;
                }
                if (first == Change.STOP) break;
                batch.add(first);
                queue.drainTo(batch, config.commitBatch() - 1);
                boolean stop = batch.remove(Change.STOP);
                commit(batch);
                batch.clear();
                if (stop) break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    private void commit(List<Change> batch) {
        List<Change> encoded = encodeAll(batch);
        try {
            for (Change c : encoded) {
                for (Op op : c.ops) {
                    Map<String, byte[]> map = tables.get(op.table);
                    if (op.value == null) map.remove(op.key);
                    else map.put(op.key, op.value.get());
                }
            }
            db.commit();
            committed();
            encoded.forEach(c -> c.done.complete(null));
        } catch (RuntimeException e) {
            // The first failure of a spell with its cause; the rest are refused alike and health shows the spell.
            LOG.log(faultReason == null ? Level.SEVERE : Level.FINE, "store commit failed; rolling back "
                    + batch.size() + " changes", e);
            rollBack(e);
            StorageUnavailableException refused = new StorageUnavailableException("the database cannot write ("
                    + faultReason + "); nothing of this change was stored");
            refused.initCause(e);
            encoded.forEach(c -> c.done.completeExceptionally(refused));
        }
    }

    /**
     * The batch with every change's writes gathered and values encoded, so a change that cannot be is refused before
     * anything is written, and the others commit.
     */
    private static List<Change> encodeAll(List<Change> batch) {
        List<Change> encoded = new ArrayList<>(batch.size());
        for (Change c : batch) {
            try {
                List<Op> written = c.ops;
                if (c.gather != null) {
                    Writes writes = new Writes();
                    c.gather.accept(writes);
                    written = writes.ops;
                }
                List<Op> ops = new ArrayList<>(written.size());
                for (Op op : written) ops.add(op.encoded());
                encoded.add(new Change(ops, null, c.done));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "a change could not be gathered or encoded and was not stored", e);
                c.done.completeExceptionally(new IllegalStateException("cannot encode the change: " + reasonOf(e), e));
            }
        }
        return encoded;
    }

    /** A small real commit while the store is failing: the way to learn that space is back when nobody writes. */
    private void probe() {
        try {
            tables.computeIfAbsent(PROBE_TABLE, n -> db.hashMap(n, Serializer.STRING, Serializer.BYTE_ARRAY)
                    .createOrOpen()).put("probe", clock.instant().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            db.commit();
            committed();
        } catch (RuntimeException e) {
            rollBack(e);
            backoffNanos = Math.min(RETRY_MAX_NANOS, backoffNanos * 2);
        }
    }

    private void rollBack(RuntimeException cause) {
        try {
            db.rollback();
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
        if (faultReason == null) {
            faultSince = clock.instant();
            outages++;
            backoffNanos = RETRY_MIN_NANOS;
        }
        faultReason = StorageHealth.reasonOf(cause);
    }

    private void committed() {
        if (faultReason != null) {
            LOG.warning("database writes again after failing since " + faultSince + " (" + faultReason + ")");
            faultReason = null;
        }
    }


    /** Commits what is queued, stops the writer and closes the file. */
    @Override
    public void close() {
        if (closing) return;
        closing = true;
        queue.add(Change.STOP);
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        db.close();
    }

    /** One put or, with no value, one remove; the value is encoded when {@link #encoded()} is called. */
    private record Op(String table, String key, Supplier<byte[]> value) {
        /** A null value removes the key, as it always has. */
        static Op put(String table, String key, byte[] value) {
            return new Op(table, key, value == null ? null : () -> value);
        }

        Op encoded() {
            if (value == null) return this;
            byte[] bytes = value.get();
            if (bytes == null) throw new IllegalStateException("no value encoded for " + table + "/" + key);
            return put(table, key, bytes);
        }
    }

    /**
     * One caller's writes, committed in the same transaction (a batch may hold many changes): {@code ops}, or what
     * {@code gather} writes on the writer thread.
     */
    private record Change(List<Op> ops, Consumer<Writes> gather, CompletableFuture<Void> done) {
        static final Change STOP = new Change(List.of());

        Change(List<Op> ops) {
            this(ops, null, new CompletableFuture<>());
        }
    }
}
