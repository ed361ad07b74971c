package dev.provingground.archfixture.cycle.beta;

import dev.provingground.archfixture.cycle.alpha.Alpha;

/** Scratch class for the architecture rules' own test: the other half of a package cycle. Not part of the product. */
public final class Beta {
    public Alpha partner() {
        return new Alpha();
    }
}
