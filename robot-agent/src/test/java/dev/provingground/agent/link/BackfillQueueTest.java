package dev.provingground.agent.link;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackfillQueueTest {

    @TempDir
    Path dir;

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> text(List<byte[]> records) {
        return records.stream().map(r -> new String(r, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void recordsComeOutOldestFirstAndStayUntilRemoved() {
        try (BackfillQueue q = new BackfillQueue(dir, 100, "test")) {
            for (int i = 0; i < 30; i++) q.append(b("s" + i));
            assertThat(text(q.peek(3))).containsExactly("s0", "s1", "s2");
            assertThat(text(q.peek(3))).containsExactly("s0", "s1", "s2");
            q.remove(2);
            assertThat(text(q.peek(2))).containsExactly("s2", "s3");
            assertThat(q.size()).isEqualTo(28);
        }
    }

    @Test
    void theQueueSurvivesARestartWithWhatWasAlreadyTaken() {
        try (BackfillQueue q = new BackfillQueue(dir, 100, "test")) {
            for (int i = 0; i < 40; i++) q.append(b("s" + i));
            q.remove(15);
        }
        try (BackfillQueue q = new BackfillQueue(dir, 100, "test")) {
            assertThat(q.size()).isEqualTo(25);
            assertThat(text(q.peek(1))).containsExactly("s15");
            q.append(b("after"));
            List<String> all = text(q.peek(1000));
            assertThat(all).hasSize(26).endsWith("after");
        }
    }

    @Test
    void aFullQueueDropsItsOldestAndCountsTheDrops() {
        try (BackfillQueue q = new BackfillQueue(dir, 10, "test")) {
            for (int i = 0; i < 25; i++) q.append(b("s" + i));
            assertThat(q.size()).isEqualTo(10);
            assertThat(q.dropped()).isEqualTo(15);
            assertThat(text(q.peek(100))).containsExactly("s15", "s16", "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24");
        }
    }

    @Test
    void aRecordTornByAPowerLossIsCutOffAndTheRestKept() throws IOException {
        try (BackfillQueue q = new BackfillQueue(dir, 1000, "test")) {
            for (int i = 0; i < 5; i++) q.append(b("s" + i));
        }
        Path segment;
        try (var files = Files.list(dir)) {
            segment = files.filter(p -> p.getFileName().toString().startsWith("seg-")).findFirst().orElseThrow();
        }
        Files.write(segment, new byte[]{0, 0, 0, 50, 1, 2, 3}, StandardOpenOption.APPEND);
        try (BackfillQueue q = new BackfillQueue(dir, 1000, "test")) {
            assertThat(q.size()).isEqualTo(5);
            q.append(b("s5"));
            assertThat(text(q.peek(10))).containsExactly("s0", "s1", "s2", "s3", "s4", "s5");
        }
    }

    @Test
    void anEmptiedQueueLeavesNoFilesBehind() throws IOException {
        try (BackfillQueue q = new BackfillQueue(dir, 16, "test")) {
            for (int i = 0; i < 20; i++) q.append(b("s" + i));
            q.remove(100);
            assertThat(q.size()).isZero();
            assertThat(q.peek(5)).isEmpty();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }
}
