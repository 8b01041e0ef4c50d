package dev.ecsguard.cli;

import dev.ecsguard.config.Configuration;
import dev.ecsguard.control.Standard;
import dev.ecsguard.engine.Selection;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Which standards' controls a command runs or fixes (a picocli mixin). */
final class StandardChoice {
  @Option(
      names = "--standard",
      paramLabel = "STANDARD",
      description =
          "securityhub (AWS Security Hub's ECS.n controls), ecsguard (its own ECSG.n) or all (default: the configuration's controls.standard, else all).",
      converter = Converter.class,
      completionCandidates = Candidates.class)
  Set<Standard> standards;

  /** The command line's choice, else the configuration's, else every standard. */
  Set<Standard> standards(Configuration configuration) {
    return standards != null
        ? standards
        : configuration.standards() != null
            ? configuration.standards()
            : Selection.standards("all");
  }

  /** What shell completion offers: the labels, not the enum's constants. */
  static final class Candidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Stream.concat(Arrays.stream(Standard.values()).map(Standard::label), Stream.of("all"))
          .iterator();
    }
  }

  static final class Converter implements ITypeConverter<Set<Standard>> {
    @Override
    public Set<Standard> convert(String value) {
      try {
        return Selection.standards(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
