package dev.provingground.vda5050;

/** What an error refers to, e.g. {@code ("orderId", "o-17")}. */
public record ErrorReference(String referenceKey, String referenceValue) {
}
