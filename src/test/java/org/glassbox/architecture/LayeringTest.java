package org.glassbox.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Compute code must run in a test, in the CLI and on a machine without a display. */
@AnalyzeClasses(packages = "org.glassbox", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

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
}
