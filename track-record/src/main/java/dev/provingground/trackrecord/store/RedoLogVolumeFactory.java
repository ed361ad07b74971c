package dev.provingground.trackrecord.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mapdb.volume.FileChannelVol;
import org.mapdb.volume.Volume;
import org.mapdb.volume.VolumeFactory;

/**
 * Gives MapDB's StoreWAL a {@link RedoLogVolume} for the segment's main file, and memory for its own write-ahead log
 * files ({@link RecycledMemoryVolume}): StoreWAL never replays those after a crash (it only uses them to stage a
 * commit), so keeping them on disk would cost a write and a sync per commit for nothing. Durability comes from the
 * redo log instead.
 */
final class RedoLogVolumeFactory extends VolumeFactory {

    private final Path mainFile;

    RedoLogVolumeFactory(Path mainFile) {
        this.mainFile = mainFile;
    }

    @Override
    public Volume makeVolume(String file, boolean readOnly, long fileLockWait, int sliceShift, long initSize,
                             boolean fixedSize) {
        if (isMain(file)) {
            Volume base = FileChannelVol.FACTORY.makeVolume(file, readOnly, fileLockWait, sliceShift, initSize, fixedSize);
            return new RedoLogVolume(base, mainFile);
        }
        RecycledMemoryVolume log = new RecycledMemoryVolume(sliceShift);
        if (initSize > 0) log.ensureAvailable(initSize);
        return log;
    }

    @Override
    public boolean exists(String file) {
        if (!isMain(file)) {
            return false;
        }
        try {
            return Files.exists(mainFile) && Files.size(mainFile) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot inspect " + mainFile, e);
        }
    }

    @Override
    public boolean handlesReadonly() {
        return false;
    }

    private boolean isMain(String file) {
        return file != null && Path.of(file).equals(mainFile);
    }
}
