package dev.provingground.server.elevator;

import java.util.Set;

/** Which elevator cars routes may use, for robots of one kind at one site. */
public interface CarAvailability {

    /** Cars whose elevator's rules never let robots of {@code kind} ride. */
    Set<String> closedTo(String site, String kind);

    /**
     * Cars robots of {@code kind} cannot ride now: those {@link #closedTo} them, and those outside service hours,
     * silent or out of service — which may serve again later.
     */
    Set<String> notServing(String site, String kind);

    /** Every car always available: for a site whose elevators are not managed here (benchmarks). */
    CarAvailability EVERY_CAR = new CarAvailability() {
        @Override
        public Set<String> closedTo(String site, String kind) {
            return Set.of();
        }

        @Override
        public Set<String> notServing(String site, String kind) {
            return Set.of();
        }
    };
}
