package org.glassbox.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Compute code must run in a test, in the CLI and on a machine without a display; the layers only point down. */
@AnalyzeClasses(packages = "org.glassbox", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    /** What every workspace builds on; none of it knows any workspace. */
    private static final String[] FOUNDATIONS = {"org.glassbox.models..", "org.glassbox.data..", "org.glassbox.metrics..",
            "org.glassbox.engine..", "org.glassbox.experiment.."};

    @ArchTest
    static final ArchRule onlyUiPackagesUseJavaFx = noClasses()
            .that().resideOutsideOfPackages("org.glassbox.app..", "org.glassbox.ui..", "org.glassbox..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("only app, ui and *.ui may use JavaFX (DESIGN.md, 'The one hard line')");

    @ArchTest
    static final ArchRule computeDoesNotReachIntoTheApp = noClasses()
            .that().resideOutsideOfPackages("org.glassbox.app..")
            .should().dependOnClassesThat().resideInAnyPackage("org.glassbox.app..")
            .because("the shell sits on top; nothing depends on it");

    @ArchTest
    static final ArchRule foundationsKnowNoWorkspace = noClasses()
            .that().resideInAnyPackage(FOUNDATIONS)
            .should().dependOnClassesThat(resideInAPackage("org.glassbox..").and(not(resideInAnyPackage(FOUNDATIONS))))
            .because("models, data, metrics, engine and experiment are what every workspace builds on");

    @ArchTest
    static final ArchRule onlyCliAndAppUseBenchmarks = noClasses()
            .that().resideOutsideOfPackages("org.glassbox.cli..", "org.glassbox.app..")
            .and().haveSimpleNameNotEndingWith("Benchmark")
            .should().dependOnClassesThat(simpleNameEndingWith("Benchmark").and(resideInAPackage("org.glassbox..")))
            .because("benchmarks measure the product; the product does not run on them");

    @ArchTest
    static final ArchRule onlyCliAndAppPrint = noClasses()
            .that().resideOutsideOfPackages("org.glassbox.cli..", "org.glassbox.app..")
            .and().haveSimpleNameNotEndingWith("Benchmark")
            .and().doNotHaveFullyQualifiedName("org.glassbox.models.KerasConversion")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("compute code reports through return values and listeners; the child importer's one answer line"
                    + " on standard output is its protocol, and benchmarks print their tables to the stream they are given");

    @Test
    void theHouseRulesFailOnDeliberateViolations() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(
                org.glassbox.models.LayeringViolationFixtureAccess.fixture(), org.glassbox.inversion.HouseRulesViolationFixtureAccess.fixture());
        assertTrue(foundationsKnowNoWorkspace.evaluate(fixtures).hasViolation(), "a model class using modellab is caught");
        assertTrue(onlyCliAndAppUseBenchmarks.evaluate(fixtures).hasViolation(), "a workspace class using a benchmark is caught");
        assertTrue(onlyCliAndAppPrint.evaluate(fixtures).hasViolation(), "a workspace class printing is caught");
    }
}
