package dev.provingground.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The product's classes (every module the launcher ships) keep the rules of {@link ArchitectureRules}. */
class ArchitectureTest {

    private static JavaClasses product;

    @BeforeAll
    static void importTheProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // In a reactor build, fleet-server's test support comes as its -tests.jar: test code, not product.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(ArchitectureRules.ROOT);
    }

    @Test
    void theImportSeesEveryModuleOfTheProduct() {
        for (String module : ArchitectureRules.ALLOWED.keySet()) {
            assertThat(product.stream().anyMatch(c -> c.getPackageName().startsWith(ArchitectureRules.ROOT + "." + module)))
                    .as("classes of module " + module + " imported").isTrue();
        }
    }

    @Test
    void modulesDependOnlyOnTheModulesBelowThem() {
        for (ArchRule rule : ArchitectureRules.moduleDependencies()) {
            rule.check(product);
        }
    }

    @Test
    void theDemoIsAClientOfTheServer() {
        assertThat(product.stream().anyMatch(c -> c.getPackageName().equals(ArchitectureRules.ROOT + ".app.demo")))
                .as("the demo's classes imported").isTrue();
        ArchitectureRules.demoIsAClientOfTheServer().check(product);
    }

    @Test
    void plainLibrariesKnowNothingOfVertx() {
        ArchitectureRules.librariesWithoutVertx().check(product);
    }

    @Test
    void packagesFormNoCycle() {
        EvaluationResult result = ArchitectureRules.noPackageCycles().evaluate(product);
        assertThat(result.getFailureReport().getDetails()).isEmpty();
    }
}
