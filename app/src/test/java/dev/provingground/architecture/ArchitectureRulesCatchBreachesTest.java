package dev.provingground.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules would fail on a breach: evaluated against scratch classes (test fixtures, never part of the product)
 * that introduce a package cycle or a forbidden module dependency, they report it.
 */
class ArchitectureRulesCatchBreachesTest {

    @Test
    void aCycleBetweenTwoPackagesIsReported() {
        JavaClasses scratch = new ClassFileImporter().importPackages("dev.provingground.archfixture.cycle");

        EvaluationResult result = ArchitectureRules.noPackageCycles().evaluate(scratch);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("archfixture.cycle.alpha", "archfixture.cycle.beta");
    }

    @Test
    void aGeofenceClassThatUsesTheServerIsReported() {
        JavaClasses scratch = new ClassFileImporter().importPackages("dev.provingground.geofence.archfixture");

        List<EvaluationResult> results = ArchitectureRules.moduleDependencies().stream()
                .map(rule -> rule.evaluate(scratch)).filter(EvaluationResult::hasViolation).toList();

        assertThat(results).singleElement().satisfies(result -> assertThat(result.getFailureReport().toString())
                .contains("module geofence", "ZoneThatCallsTheServer", "FleetServer"));
    }

    @Test
    void aDemoClassThatReachesIntoTheServerIsReported() {
        JavaClasses scratch = new ClassFileImporter().importPackages("dev.provingground.app.demo.archfixture");

        EvaluationResult result = ArchitectureRules.demoIsAClientOfTheServer().evaluate(scratch);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("DemoThatReachesIntoTheServer", "FleetServer");
    }

    @Test
    void aPlainLibraryThatUsesVertxIsReported() {
        JavaClasses scratch = new ClassFileImporter().importPackages("dev.provingground.geofence.archfixture");

        assertThat(ArchitectureRules.librariesWithoutVertx().evaluate(scratch).hasViolation()).isTrue();
    }

    @Test
    void aSiteClassThatUsesGeofenceIsAllowed() {
        JavaClasses scratch = new ClassFileImporter().importPackages("dev.provingground.site.archfixture");

        assertThat(scratch).isNotEmpty();
        assertThat(ArchitectureRules.moduleDependencies().stream().filter(rule -> rule.evaluate(scratch).hasViolation()))
                .isEmpty();
    }
}
