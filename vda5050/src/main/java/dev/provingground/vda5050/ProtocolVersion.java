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
        if (version != null && version.isTextual()) {
            String text = version.textValue();
            if (text.equals("2.0") || text.startsWith("2.0.")) {
                return V2_0;
            }
        }
        return V2_1;
    }
}
