package dev.provingground.report;

/** The bundle did not verify; the message is the verifier's, naming the file and line that is wrong. */
public final class BundleRefusedException extends Exception {

    public BundleRefusedException(String verifierMessage) {
        super(verifierMessage);
    }
}
