package dev.ecsguard;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.engine.Suppression;
import dev.ecsguard.source.Origin;

/**
 * Which of core's packages may use which, so that data keeps flowing one way: inputs → model →
 * controls → findings → reports. When packages move, only the names below change.
 */
@AnalyzeClasses(packages = "dev.ecsguard", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  private static final String INPUT = "dev.ecsguard.input..";
  private static final String SOURCE = "dev.ecsguard.source..";
  private static final String ENGINE = "dev.ecsguard.engine..";
  private static final String CONTROLS = "dev.ecsguard.controls..";
  private static final String REPORT = "dev.ecsguard.report..";
  private static final String CORE_PACKAGE_SLICES = "dev.ecsguard.(*)..";

  /**
   * Frozen: the CloudFormation and Terraform readers build the engine's Suppression from inline
   * Metadata and comments, and check its control id with Selection. This is the one place input
   * uses the engine, and so the only input ↔ engine cycle. (The cycle rule still stops source from
   * using them: engine uses source.)
   */
  private static final DescribedPredicate<JavaClass> INLINE_SUPPRESSIONS = equivalentTo(Suppression.class).or(equivalentTo(Selection.class))
      .as("inline suppressions (frozen exception)");

  /** Origin is the position every model value carries, not parsing; controls pass it on to their verdicts. */
  private static final DescribedPredicate<JavaClass> POSITION = equivalentTo(Origin.class).as("source positions");

  @ArchTest
  static final ArchRule coreHasNoAwsSdk = noClasses().should().dependOnClassesThat().resideInAPackage("software.amazon..");

  @ArchTest
  static final ArchRule readersKnowNoEngineControlsOrReports = noClasses().that().resideInAnyPackage(INPUT, SOURCE)
      .should().dependOnClassesThat(resideInAnyPackage(ENGINE, CONTROLS, REPORT).and(not(INLINE_SUPPRESSIONS)));

  @ArchTest
  static final ArchRule controlsKnowNoFormats = noClasses().that().resideInAPackage(CONTROLS)
      .should().dependOnClassesThat(resideInAnyPackage(INPUT, SOURCE).and(not(POSITION)));

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching(CORE_PACKAGE_SLICES).should().beFreeOfCycles()
      .ignoreDependency(resideInAPackage(INPUT), INLINE_SUPPRESSIONS);
}
