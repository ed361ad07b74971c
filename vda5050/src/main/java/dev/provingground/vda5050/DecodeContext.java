package dev.provingground.vda5050;

/** What is being decoded (for error messages) and under which version's rules. */
record DecodeContext(String subject, ProtocolVersion version) {

    boolean legacy() {
        return version == ProtocolVersion.V2_0;
    }
}
