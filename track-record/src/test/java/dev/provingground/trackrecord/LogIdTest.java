package dev.provingground.trackrecord;

import dev.provingground.trackrecord.log.LogId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogIdTest {

    @Test
    void originsNameTheSiteAndTheFirm() {
        assertThat(LogId.siteLog("site-a").origin()).isEqualTo("proving-ground/site-a");
        assertThat(LogId.firmLog("site-a", "acme").origin()).isEqualTo("proving-ground/site-a/acme");
        assertThat(LogId.fromOrigin("proving-ground/site-a/acme")).isEqualTo(LogId.firmLog("site-a", "acme"));
        assertThat(LogId.fromOrigin("proving-ground/site-a").isSiteLog()).isTrue();
    }

    @Test
    void identifiersThatCouldEscapeADirectoryOrAnOriginAreRefused() {
        assertThatThrownBy(() -> LogId.firmLog("site-a", "../etc")).hasMessageContaining("firm must be 1-64 characters");
        assertThatThrownBy(() -> LogId.firmLog("site-a", "_site")).hasMessageContaining("starting with a letter or digit");
        assertThatThrownBy(() -> LogId.siteLog("a/b")).hasMessageContaining("site must be");
        assertThatThrownBy(() -> LogId.fromOrigin("example.com/a")).hasMessageContaining("must start with 'proving-ground/'");
    }
}
