package dev.provingground.trackrecord.store;

import org.mapdb.CC;
import org.mapdb.DB;
import org.mapdb.StoreWAL;

import java.nio.file.Path;

/**
 * Opens a MapDB file with transactions on, as {@code DBMaker.fileDB(file).transactionEnable().make()} would, but on a
 * {@link RedoLogVolume}: MapDB 3.1.0's own write-ahead log writes each commit into the main file in place and is not
 * replayed on open, so a process killed mid-commit can leave the file corrupt. Here a commit is atomic and durable
 * once {@code db.commit()} returns, even under SIGKILL. Any MapDB store of the project should be opened this way.
 */
public final class CrashSafeMapDb {

    private CrashSafeMapDb() {
    }

    public static DB open(Path file) {
        RedoLogVolume.recover(file);
        RedoLogVolumeFactory volumes = new RedoLogVolumeFactory(file);
        boolean exists = volumes.exists(file.toString());
        long fileLockWait = 0L;
        boolean threadSafe = true;
        long startSize = 0L;
        boolean deleteAfterClose = false;
        boolean deleteAfterOpen = false;
        boolean recordChecksums = false;
        boolean headerChecksum = true;
        boolean bypassHeaderChecksum = false;
        StoreWAL store = StoreWAL.make(file.toString(), volumes, fileLockWait, threadSafe, CC.STORE_DIRECT_CONC_SHIFT,
                CC.PAGE_SIZE, startSize, deleteAfterClose, deleteAfterOpen, recordChecksums, headerChecksum,
                bypassHeaderChecksum);
        return new DB(store, exists, threadSafe, CrashSafeMapDb.class.getClassLoader(), 0);
    }
}
