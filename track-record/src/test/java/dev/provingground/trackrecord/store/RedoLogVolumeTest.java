package dev.provingground.trackrecord.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.volume.FileChannelVol;

class RedoLogVolumeTest {

    @TempDir
    Path dir;

    private Path main() {
        return dir.resolve("segment.mapdb");
    }

    private RedoLogVolume open() {
        return new RedoLogVolume(FileChannelVol.FACTORY.makeVolume(main().toString(), false), main());
    }

    private static byte[] page(int fill) {
        byte[] page = new byte[RedoLogVolume.PAGE];
        Arrays.fill(page, (byte) fill);
        return page;
    }

    @Test
    void writesReachTheMainFileOnlyAtSyncAndReadsSeeThemBefore() throws Exception {
        try (RedoLogVolume volume = open()) {
            volume.ensureAvailable(3 * RedoLogVolume.PAGE);
            volume.putLong(RedoLogVolume.PAGE - 4, 0x0102030405060708L);

            assertThat(volume.getLong(RedoLogVolume.PAGE - 4)).as("straddling two pages").isEqualTo(0x0102030405060708L);
            assertThat(Files.readAllBytes(main())[RedoLogVolume.PAGE]).as("main file untouched before sync").isZero();

            volume.sync();

            byte[] onDisk = Files.readAllBytes(main());
            assertThat(Arrays.copyOfRange(onDisk, RedoLogVolume.PAGE - 4, RedoLogVolume.PAGE + 4))
                    .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(Files.size(RedoLogVolume.redoFileOf(main()))).as("redo emptied after the commit").isZero();
        }
    }

    @Test
    void aCompleteRedoRecordLeftByACrashIsReplayed() throws Exception {
        Files.write(main(), page(1));
        Map<Long, byte[]> pages = new TreeMap<>(Map.of(0L, page(7), 2L, page(9)));
        writeRedo(RedoLogVolume.encode(pages));

        RedoLogVolume.recover(main());

        byte[] onDisk = Files.readAllBytes(main());
        assertThat(onDisk).hasSize(3 * RedoLogVolume.PAGE);
        assertThat(onDisk[0]).isEqualTo((byte) 7);
        assertThat(onDisk[RedoLogVolume.PAGE]).as("a page the commit did not touch").isZero();
        assertThat(onDisk[2 * RedoLogVolume.PAGE + 100]).isEqualTo((byte) 9);
        assertThat(Files.size(RedoLogVolume.redoFileOf(main()))).isZero();
    }

    @Test
    void aTornRedoRecordIsDroppedAndTheMainFileKeepsThePreviousCommit() throws Exception {
        Files.write(main(), page(1));
        ByteBuffer record = RedoLogVolume.encode(new TreeMap<>(Map.of(0L, page(7))));
        writeRedo(ByteBuffer.wrap(Arrays.copyOf(record.array(), record.limit() - 3)));

        RedoLogVolume.recover(main());

        assertThat(Files.readAllBytes(main())).isEqualTo(page(1));
        assertThat(Files.size(RedoLogVolume.redoFileOf(main()))).isZero();
    }

    @Test
    void aRedoRecordWithADamagedPageIsDropped() throws Exception {
        Files.write(main(), page(1));
        ByteBuffer record = RedoLogVolume.encode(new TreeMap<>(Map.of(0L, page(7))));
        byte[] bytes = Arrays.copyOf(record.array(), record.limit());
        bytes[100] ^= 1;
        writeRedo(ByteBuffer.wrap(bytes));

        RedoLogVolume.recover(main());

        assertThat(Files.readAllBytes(main())).isEqualTo(page(1));
    }

    @Test
    void closingWithoutSyncDiscardsTheWrites() throws Exception {
        try (RedoLogVolume volume = open()) {
            volume.ensureAvailable(RedoLogVolume.PAGE);
            volume.putInt(8, 42);
            volume.sync();
            volume.putInt(8, 43);
        }
        try (RedoLogVolume volume = open()) {
            assertThat(volume.getInt(8)).isEqualTo(42);
        }
    }

    @Test
    void aPageBeyondTheMainFileReadsAsZerosThoughItsBufferServedAnEarlierCommit() throws Exception {
        long beyond;
        try (RedoLogVolume volume = open()) {
            volume.ensureAvailable(RedoLogVolume.PAGE);
            volume.putData(0, page(9), 0, RedoLogVolume.PAGE);
            volume.sync();
            beyond = Files.size(main());
            volume.ensureAvailable(beyond + RedoLogVolume.PAGE);
            volume.putByte(beyond + 10, (byte) 5); // a new page, in the buffer the first commit gave back

            byte[] read = new byte[RedoLogVolume.PAGE];
            volume.getData(beyond, read, 0, read.length);
            byte[] expected = new byte[RedoLogVolume.PAGE];
            expected[10] = 5;
            assertThat(read).isEqualTo(expected);
            volume.sync();
        }
        byte[] onDisk = Files.readAllBytes(main());
        assertThat(onDisk[(int) beyond + 10]).isEqualTo((byte) 5);
        assertThat(onDisk[(int) beyond + 11]).isZero();
    }

    private void writeRedo(ByteBuffer record) throws Exception {
        byte[] bytes = new byte[record.remaining()];
        record.get(bytes);
        Files.write(RedoLogVolume.redoFileOf(main()), bytes);
    }
}
