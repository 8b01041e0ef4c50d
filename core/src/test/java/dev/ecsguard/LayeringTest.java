package dev.ecsguard;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ecsguard.tree.Origin;

/**
 * Which of core's packages may use which, so that data keeps flowing one way: files → tree →
 * formats → model → catalogue → engine → findings → reports. The formats' registry and file
 * discovery (input) sit above every format and below the engine. When packages move, only the names
 * below change.
 */
@AnalyzeClasses(packages = "dev.ecsguard", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  private static final String FORMAT = "dev.ecsguard.format..";
  private static final String INPUT = "dev.ecsguard.input..";
  private static final String TREE = "dev.ecsguard.tree..";
  private static final String ENGINE = "dev.ecsguard.engine..";
  private static final String CATALOG = "dev.ecsguard.catalog..";
  private static final String REPORT = "dev.ecsguard.report..";

  /**
   * Origin is the position every model value carries, not parsing; controls pass it on to their
   * verdicts.
   */
  private static final DescribedPredicate<JavaClass> POSITION =
      equivalentTo(Origin.class).as("source positions");

  @ArchTest
  static final ArchRule coreHasNoAwsSdk =
      noClasses().should().dependOnClassesThat().resideInAPackage("software.amazon..");

  @ArchTest
  static final ArchRule formatsKnowNoEngineCatalogueOrReports =
      noClasses()
          .that()
          .resideInAnyPackage(FORMAT, INPUT, TREE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ENGINE, CATALOG, REPORT);

  @ArchTest
  static final ArchRule catalogueKnowsNoFormats =
      noClasses()
          .that()
          .resideInAPackage(CATALOG)
          .should()
          .dependOnClassesThat(resideInAnyPackage(FORMAT, INPUT, TREE).and(not(POSITION)));

  @ArchTest
  static final ArchRule oneFormatNeverUsesAnother =
      slices().matching("dev.ecsguard.format.(*)..").should().notDependOnEachOther();

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("dev.ecsguard.(**)").should().beFreeOfCycles();
}
