package dev.provingground.agent.rosbridge;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FragmentAssemblerTest {

    @Test
    void fragmentsInAnyOrderMakeTheWholeMessage() {
        FragmentAssembler a = new FragmentAssembler(4, 100);
        assertThat(a.accept("m", "c\"}", 2, 3)).isEmpty();
        assertThat(a.accept("m", "{\"op\":\"", 0, 3)).isEmpty();
        assertThat(a.accept("m", "publish\",\"x\":\"ab", 1, 3)).contains("{\"op\":\"publish\",\"x\":\"abc\"}");
        assertThat(a.pending()).isZero();
    }

    @Test
    void aMessageOfOneFragmentIsWholeAtOnce() {
        assertThat(new FragmentAssembler(4, 100).accept("m", "{}", 0, 1)).contains("{}");
    }

    @Test
    void fragmentsThatCannotBelongToAMessageAreRefused() {
        FragmentAssembler a = new FragmentAssembler(4, 100);
        assertThatThrownBy(() -> a.accept("m", "x", 3, 3)).hasMessageContaining("num 3");
        assertThatThrownBy(() -> a.accept("m", "x", 0, 0)).hasMessageContaining("total 0");
        assertThatThrownBy(() -> a.accept(null, "x", 0, 2)).hasMessageContaining("without id");
        assertThatThrownBy(() -> a.accept("m", null, 0, 2)).hasMessageContaining("without data");
    }

    @Test
    void aPeerThatNeverFinishesItsMessagesCannotGrowMemoryBeyondTheBound() {
        FragmentAssembler a = new FragmentAssembler(3, 100);
        for (int i = 0; i < 10; i++) a.accept("m" + i, "x", 0, 2);
        assertThat(a.pending()).isEqualTo(3);
        assertThat(a.dropped()).isEqualTo(7);
        assertThat(a.accept("m9", "y", 1, 2)).contains("xy");
    }

    @Test
    void backoffDoublesUpToItsCapAndStartsOverOnceTheLinkHolds() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500));
        assertThat(b.next()).isEqualTo(Duration.ofMillis(100));
        assertThat(b.next()).isEqualTo(Duration.ofMillis(200));
        assertThat(b.next()).isEqualTo(Duration.ofMillis(400));
        assertThat(b.next()).isEqualTo(Duration.ofMillis(500));
        assertThat(b.next()).isEqualTo(Duration.ofMillis(500));
        b.reset();
        assertThat(b.next()).isEqualTo(Duration.ofMillis(100));
    }
}
