package dev.provingground.vda5050;

/** What an information entry refers to. */
public record InfoReference(String referenceKey, String referenceValue) {
}
