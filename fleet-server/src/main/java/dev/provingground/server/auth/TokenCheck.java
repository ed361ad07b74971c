package dev.provingground.server.auth;

import java.util.Locale;

/** What a presented bearer token is: the principal it names, or why it is refused. */
public sealed interface TokenCheck {

    record Accepted(Principal principal) implements TokenCheck {
    }

    record Refused(Refusal why) implements TokenCheck {
    }

    enum Refusal {
        MISSING("no bearer token was sent"),
        UNKNOWN("this token is malformed or unknown"),
        EXPIRED("this token has expired; ask for a new one"),
        REVOKED("this token was revoked");

        private final String meaning;

        Refusal(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }

        /** As used in metrics and error codes. */
        public String metricName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
