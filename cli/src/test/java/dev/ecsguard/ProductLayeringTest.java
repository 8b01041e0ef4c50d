package dev.ecsguard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * Which package may use which across the product: every module's main classes (the CLI's tests see
 * them all). Core's own rules are in core's LayeringTest; these are the ones between modules.
 */
@AnalyzeClasses(
    packages = "dev.ecsguard",
    importOptions = {
      ImportOption.DoNotIncludeTests.class,
      ProductLayeringTest.DoNotIncludeTestJars.class
    })
class ProductLayeringTest {
  /**
   * The aws module's test jar (MotoServer and the like) is on this module's test class path when
   * Maven builds from installed jars rather than the reactor's class folders; its tests are not
   * product code.
   */
  static final class DoNotIncludeTestJars implements ImportOption {
    @Override
    public boolean includes(com.tngtech.archunit.core.importer.Location location) {
      return !location.contains("-tests.jar");
    }
  }

  private static final String FORMAT = "dev.ecsguard.format";

  /** The fix targets, each named as the format it edits. */
  private static final List<String> TARGETS = List.of("ecsapi", "cloudformation", "terraform");

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("dev.ecsguard.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule onlyAwsGuardrailAndCliUseTheAwsSdk =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "dev.ecsguard.aws..", "dev.ecsguard.guardrail..", "dev.ecsguard.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("software.amazon..");

  /** Live scans and apply read the API's own JSON through the scanner: no format of files. */
  @ArchTest
  static final ArchRule awsUsesNoFormat =
      noClasses()
          .that()
          .resideInAPackage("dev.ecsguard.aws..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(FORMAT + "..");

  /**
   * What every target shares (dispatch, hardening, masks, diffs) knows no format; a target knows
   * its own format only.
   */
  @ArchTest
  static final ArchRule fixOutsideTheTargetsUsesNoFormat =
      noClasses()
          .that()
          .resideInAnyPackage("dev.ecsguard.fix", "dev.ecsguard.fix.shared..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(FORMAT + "..");

  @ArchTest
  static void eachFixTargetUsesItsOwnFormatOnly(JavaClasses classes) {
    for (String target : TARGETS) {
      String[] others =
          TARGETS.stream()
              .filter(other -> !other.equals(target))
              .map(other -> FORMAT + "." + other + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage("dev.ecsguard.fix." + target + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .check(classes);
    }
  }
}
