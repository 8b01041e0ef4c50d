package dev.ecsguard.guardrail;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The Lambda package leaves out what the function never loads (the guardrail pom's shade
 * artifactSet): the function's own code, the base package and its three handlers and entry, must
 * not use it. A handler that needs one of these must take it out of the exclusions.
 */
class FunctionDependenciesTest {
  @Test
  void theFunctionUsesNothingThePackageLeavesOut() {
    JavaClasses function =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(
                "dev.ecsguard.guardrail",
                "dev.ecsguard.guardrail.entry",
                "dev.ecsguard.guardrail.hook",
                "dev.ecsguard.guardrail.config",
                "dev.ecsguard.guardrail.cloudtrail");
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.ecsguard.guardrail",
            "dev.ecsguard.guardrail.entry..",
            "dev.ecsguard.guardrail.hook..",
            "dev.ecsguard.guardrail.config..",
            "dev.ecsguard.guardrail.cloudtrail..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "software.amazon.awssdk.services.ec2..",
            "software.amazon.awssdk.services.organizations..",
            "software.amazon.awssdk.services.cloudformation..",
            "software.amazon.awssdk.services.s3..",
            "software.amazon.awssdk.services.sso..",
            "software.amazon.awssdk.services.ssooidc..")
        .check(function);
  }
}
