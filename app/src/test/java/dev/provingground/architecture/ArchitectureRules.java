package dev.provingground.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules the code's layout keeps (docs/ARCHITECTURE.md, "Modules"). Each module is named by its root package;
 * a module may use only the modules listed for it, so dependencies point one way.
 */
final class ArchitectureRules {

    static final String ROOT = "dev.provingground";

    /** Module root package (under {@link #ROOT}) → the module root packages it may use. */
    static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("vda5050", List.of()),
            Map.entry("documents", List.of()),
            Map.entry("profiles", List.of("vda5050", "documents")),
            Map.entry("geofence", List.of("documents")),
            Map.entry("site", List.of("geofence", "documents")),
            Map.entry("trackrecord", List.of()),
            Map.entry("report", List.of("trackrecord")),
            Map.entry("server", List.of("vda5050", "documents", "profiles", "geofence", "site", "trackrecord",
                    "report")),
            Map.entry("sim", List.of("vda5050", "profiles", "geofence", "site")),
            Map.entry("agent", List.of("vda5050", "profiles")),
            Map.entry("app", List.of("vda5050", "documents", "profiles", "geofence", "site", "trackrecord", "report",
                    "server", "sim", "agent")));

    /** Libraries that must stay plain Java, usable without a server. */
    static final List<String> WITHOUT_VERTX = List.of("documents", "profiles", "geofence", "site", "trackrecord",
            "report");

    private ArchitectureRules() {
    }

    /** One rule per module: it depends on no module of ours outside its allowed list (and never on benchmarks). */
    static List<ArchRule> moduleDependencies() {
        List<ArchRule> rules = new ArrayList<>();
        ALLOWED.forEach((module, allowed) -> {
            List<String> forbidden = new ArrayList<>();
            for (String other : ALLOWED.keySet()) {
                if (!other.equals(module) && !allowed.contains(other)) forbidden.add(ROOT + "." + other + "..");
            }
            forbidden.add(ROOT + ".bench..");
            rules.add(noClasses().that().resideInAPackage(ROOT + "." + module + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .as("module " + module + " uses only " + (allowed.isEmpty() ? "no other module" : allowed))
                    // A scratch class set holds only some modules; ArchitectureTest checks the product has them all.
                    .allowEmptyShould(true));
        });
        return rules;
    }

    static ArchRule librariesWithoutVertx() {
        return noClasses().that().resideInAnyPackage(WITHOUT_VERTX.stream().map(m -> ROOT + "." + m + "..")
                        .toArray(String[]::new))
                .should().dependOnClassesThat().resideInAPackage("io.vertx..")
                .as("the libraries " + WITHOUT_VERTX + " know nothing of Vert.x");
    }

    /**
     * The demo uses the product as its users do, over HTTP and MQTT: it may start the server beside it, but its own
     * classes never reach into the server's.
     */
    static ArchRule demoIsAClientOfTheServer() {
        return noClasses().that().resideInAPackage(ROOT + ".app.demo..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".server..")
                .as("the demo reaches the server only through its API and MQTT")
                .allowEmptyShould(true);
    }

    /** Every package is its own slice: no two packages of the project reach each other, directly or around. */
    static ArchRule noPackageCycles() {
        return slices().matching(ROOT + ".(**)").should().beFreeOfCycles()
                .as("packages of the project form no cycle");
    }
}
