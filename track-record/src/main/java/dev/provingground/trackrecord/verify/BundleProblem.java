package dev.provingground.trackrecord.verify;

/** A problem found in a bundle; its message names the file (and line) and becomes {@link VerifyResult#firstProblem()}. */
final class BundleProblem extends RuntimeException {

    BundleProblem(String message) {
        super(message, null, false, false);
    }
}
