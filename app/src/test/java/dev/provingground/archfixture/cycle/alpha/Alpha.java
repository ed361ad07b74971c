package dev.provingground.archfixture.cycle.alpha;

import dev.provingground.archfixture.cycle.beta.Beta;

/** Scratch class for the architecture rules' own test: half of a package cycle. Not part of the product. */
public final class Alpha {
    public Beta partner() {
        return new Beta();
    }
}
