package dev.ecsguard.format;

import dev.ecsguard.model.Resource;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.tree.Document;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.Node;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One input format's reader: turns its unit of input into model resources. The unit has two shapes,
 * and so has the reader. Most formats read one file, which the scanner parses once and offers to
 * each of them in turn ({@link OfFile}: the first that recognises it reads it). Terraform source
 * cannot: a module's variables, locals and provider may be written in any of its directory's .tf
 * files, and its tfvars beside them, so its unit is the directory ({@link OfDirectory}), read once
 * with every file of it. Sealed, so that whoever dispatches on the shape covers both.
 */
public sealed interface InputReader permits InputReader.OfFile, InputReader.OfDirectory {

  /** Receives what a unit holds. */
  interface Sink {
    /** A resource, with labels that help find it beyond its id (a CDK construct path, say). */
    void resource(Resource resource, Map<String, String> labels);

    default void resource(Resource resource) {
      resource(resource, Map.of());
    }

    /**
     * A resource and the suppressions written beside it in its source (CloudFormation Metadata, a
     * Terraform comment).
     */
    default void resource(
        Resource resource, Map<String, String> labels, List<InlineSuppression> inline) {
      resource(resource, labels);
    }

    /** Something skipped, said so that the user knows it was not checked. */
    void note(Node where, String message);

    /**
     * A deregistered (INACTIVE) task definition: AWS judges it no more, so neither does a scan, but
     * a service may still run it, so the controls across resources may read it.
     */
    default void deregistered(TaskDefinition taskDefinition) {}
  }

  /** A format whose unit is one parsed file (JSON or YAML), recognised by its content. */
  non-sealed interface OfFile extends InputReader {
    /**
     * Reads every resource in {@code document}; returns false when the document is not of this
     * format.
     */
    boolean read(Document document, Sink sink);
  }

  /** A format whose unit is a directory: every file of it that the format reads, read together. */
  non-sealed interface OfDirectory extends InputReader {
    /**
     * Reads the unit; a file of it that cannot be read is an error, and the others are still read.
     */
    void read(Directory unit, Sink sink, Consumer<InputException> errors);

    /**
     * Reads every unit one scan found, together, since a unit may be read through another (a
     * Terraform module that another unit calls is evaluated with what its callers pass, not on its
     * own). By default, each unit on its own.
     */
    default void read(List<Directory> units, Sink sink, Consumer<InputException> errors) {
      units.forEach(unit -> read(unit, sink, errors));
    }
  }

  /**
   * One directory to read: {@code files}, those of its files found in a directory searched or named
   * on the command line (whose resources are reported; the reader may read its other files too, as
   * a module's variables); {@code tree}, the directory the user named (or that of the file named),
   * outside which the reader reads nothing, as a scan of an untrusted pull request must not.
   */
  record Directory(Path tree, Path directory, List<Path> files) {
    public Directory {
      files = List.copyOf(files);
    }
  }
}
