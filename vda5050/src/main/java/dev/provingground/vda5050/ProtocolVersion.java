package dev.provingground.vda5050;

import com.fasterxml.jackson.databind.JsonNode;

/** Which schema generation decides what a decoded message must contain. */
enum ProtocolVersion {
    V2_0,
    V2_1;

    /**
     * 2.0 rules for "2.0", "2.0.0", "2.0.x"; 2.1 rules otherwise, including newer minors, which only add
     * optional fields, and messages without a version (the required-field check reports those).
     */
    static ProtocolVersion of(JsonNode version) {
        return version != null && version.isTextual() ? of(version.textValue()) : V2_1;
    }

    static ProtocolVersion of(String version) {
        return version != null && (version.equals("2.0") || version.startsWith("2.0.")) ? V2_0 : V2_1;
    }
}
