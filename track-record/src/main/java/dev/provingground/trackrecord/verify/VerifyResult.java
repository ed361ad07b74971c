package dev.provingground.trackrecord.verify;

/**
 * Outcome of verifying a bundle.
 *
 * @param ok           whether everything checked
 * @param summary      one line for people: what was verified, or what is wrong
 * @param firstProblem the first problem found, naming the file and line ("events.jsonl line 17: …"); {@code null} when ok
 */
public record VerifyResult(boolean ok, String summary, String firstProblem) {

    static VerifyResult valid(String summary) {
        return new VerifyResult(true, summary, null);
    }

    static VerifyResult invalid(String problem) {
        return new VerifyResult(false, "INVALID: " + problem, problem);
    }
}
