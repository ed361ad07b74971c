package dev.provingground.vda5050;

/** E-stop kind and protective field violation. */
public record SafetyState(EStop eStop, boolean fieldViolation) {
}
