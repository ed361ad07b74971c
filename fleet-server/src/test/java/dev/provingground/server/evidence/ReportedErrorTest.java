package dev.provingground.server.evidence;

import dev.provingground.trackrecord.event.RobotError;
import dev.provingground.vda5050.ErrorLevel;
import dev.provingground.vda5050.ErrorReference;
import dev.provingground.vda5050.VdaError;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A robot's error, as it sent it, made fit for the record. */
class ReportedErrorTest {

    @Test
    void missingTypeAndLevelBecomeUnspecifiedAndWarningRatherThanBeingDropped() {
        ReportedError e = ReportedError.of(new VdaError(null, List.of(), "  ", null, null));

        assertThat(e.errorType()).isEqualTo(ReportedError.UNSPECIFIED);
        assertThat(e.level()).isEqualTo(RobotError.Level.WARNING);
        assertThat(e.description()).as("blank is none").isNull();
    }

    @Test
    void referencesBeyondTheLimitOrWithoutKeyOrValueAreLeftOut() {
        List<ErrorReference> refs = new java.util.ArrayList<>();
        refs.add(new ErrorReference("", "v"));
        refs.addAll(Collections.nCopies(20, new ErrorReference("k", "v\u0007")));
        ReportedError e = ReportedError.of(new VdaError("t", refs, null, null, ErrorLevel.FATAL));

        assertThat(e.references()).hasSize(RobotError.MAX_REFERENCES)
                .allSatisfy(r -> assertThat(r.value()).isEqualTo("v"));
    }

    @Test
    void theSameReferencedErrorKeepsItsIdentityWhenItsDescriptionChanges() {
        List<ErrorReference> motor = List.of(new ErrorReference("diagnosticName", "motor"));
        ReportedError hot = ReportedError.of(new VdaError("rosDiagnostic", motor, "71 C", null, ErrorLevel.WARNING));
        ReportedError hotter = ReportedError.of(new VdaError("rosDiagnostic", motor, "72 C", null, ErrorLevel.WARNING));
        ReportedError fatal = ReportedError.of(new VdaError("rosDiagnostic", motor, "90 C", null, ErrorLevel.FATAL));

        assertThat(hot.identity()).isEqualTo(hotter.identity()).isNotEqualTo(fatal.identity());
        assertThat(ReportedError.of(VdaError.of("t", ErrorLevel.FATAL, "a")).identity())
                .as("without references the description tells errors apart")
                .isNotEqualTo(ReportedError.of(VdaError.of("t", ErrorLevel.FATAL, "b")).identity());
    }

    @Test
    void aLongTextIsCutToItsBoundEndingInAnEllipsis() {
        assertThat(ReportedError.fit("a".repeat(500), 200)).hasSize(200).endsWith("a…");
        assertThat(ReportedError.fit("tab\there", 200)).isEqualTo("tab here");
        assertThat(ReportedError.fit("a".repeat(200), 200)).isEqualTo("a".repeat(200));
    }
}
