package dev.provingground.vda5050;

/** Severity of a reported error: WARNING (robot can still run) or FATAL (needs intervention). */
public enum ErrorLevel {
    WARNING, FATAL
}
