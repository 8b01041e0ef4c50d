package dev.ecsguard.engine;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.Offender;
import dev.ecsguard.control.Status;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.format.InlineSuppression;
import dev.ecsguard.format.InputReader;
import dev.ecsguard.input.InputFiles;
import dev.ecsguard.input.InputFormat;
import dev.ecsguard.model.Resource;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Workload;
import dev.ecsguard.secrets.Credentials;
import dev.ecsguard.tree.Document;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Location;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.Origin;
import dev.ecsguard.tree.RegularFiles;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads inputs, evaluates the selected controls on every resource, and reports as it goes. A scan
 * has a second phase at its end ({@link #finish}): the controls across resources (a service and the
 * task definition it runs), and the findings of task definitions with a revision number, held until
 * the latest revision of each family is known. Each entry point that reads a whole scan finishes
 * it; a scan fed document by document (a live scan's) is finished by its caller, once.
 */
public final class Scanner {
  private static final String UNRECOGNISED =
      "not "
          + InputFormat.listed(
              InputFormat.of(InputFormat.Unit.FILE).stream().map(InputFormat::unitName).toList(),
              "nor")
          + " (no task definition, service, cluster, task set or capacity provider found); skipped";

  private final Selection selection;
  private final DocumentReader documents;
  private final List<InputReader.OfFile> fileReaders =
      new ArrayList<>(); // in the registry's order: the first that recognises a document reads it
  private final Map<InputFormat, InputReader.OfDirectory> directoryReaders =
      new EnumMap<>(InputFormat.class);
  private final InputLimits limits;
  private final LocalDate today;
  private final Linking linking;

  public Scanner(Selection selection, InputLimits limits) {
    this(selection, limits, Map.of(), Map.of());
  }

  /**
   * {@code cfnParameters}: CloudFormation parameter values, overriding the templates' defaults;
   * {@code tfVariables}: Terraform variable values, overriding tfvars files and defaults.
   */
  public Scanner(
      Selection selection,
      InputLimits limits,
      Map<String, String> cfnParameters,
      Map<String, String> tfVariables) {
    this(selection, limits, cfnParameters, tfVariables, LocalDate.now());
  }

  /** As above; {@code today}: the day the inputs' inline suppressions are judged on (expiry). */
  public Scanner(
      Selection selection,
      InputLimits limits,
      Map<String, String> cfnParameters,
      Map<String, String> tfVariables,
      LocalDate today) {
    this.today = today;
    this.selection = selection;
    this.linking = new Linking(selection);
    this.limits = limits;
    this.documents = new DocumentReader(limits);
    InputFormat.Options options =
        new InputFormat.Options(documents, limits, cfnParameters, tfVariables);
    for (InputFormat format : InputFormat.values()) {
      switch (format.create(options)) {
        case InputReader.OfFile reader -> fileReaders.add(reader);
        case InputReader.OfDirectory reader -> directoryReaders.put(format, reader);
      }
    }
  }

  /**
   * Scans files and directories, as one whole scan; a path that does not exist is reported as an
   * error.
   */
  public void scan(List<Path> paths, ScanListener listener) {
    read(paths, listener);
    finish(listener);
  }

  /**
   * The second phase of the scan so far: what the first phase held is judged and reported to {@code
   * listener}, then let go. Called once at the end of a scan fed document by document.
   */
  public void finish(ScanListener listener) {
    linking.finish(listener, today);
  }

  /** The first phase of a scan of files and directories; the request finishes the scan. */
  void read(List<Path> paths, ScanListener listener) {
    Map<InputFormat, List<InputReader.Directory>> units = new EnumMap<>(InputFormat.class);
    InputFiles.visitUnits(
        paths,
        new InputFiles.UnitVisitor() {
          @Override
          public void file(Path file, Path tree, boolean named) {
            try {
              scan(documents.read(file, file.toString()), Map.of(), listener);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError fault) {
              listener.error(fault(file.toString(), fault));
            } catch (InputException e) {
              if (!named && isOtherYaml(file, e, limits.maxFileBytes())) {
                listener.note(
                    new Note(
                        new Location(file.toString(), "", e.line(), e.column()),
                        "YAML that ecsguard cannot read ("
                            + e.problem()
                            + ") and that does not mention AWS::; skipped, as it is no CloudFormation template"));
              } else {
                listener.error(e);
              }
            }
          }

          @Override
          public void skipped(Path path, String why) {
            listener.note(new Note(new Location(path.toString(), "", 0, 0), why));
          }

          @Override
          public void error(InputException error) {
            listener.error(error);
          }

          @Override
          public void directory(InputFormat format, InputReader.Directory unit) {
            units.computeIfAbsent(format, key -> new ArrayList<>()).add(unit);
          }
        });
    units.forEach((format, found) -> scan(directoryReaders.get(format), found, listener));
  }

  /**
   * Reads the directory units of one format, all together (a unit may be read through another);
   * each of their files counts as scanned once, with the resources written in it, and so does a
   * file read through them that holds resources (a called module's).
   */
  private void scan(
      InputReader.OfDirectory reader, List<InputReader.Directory> units, ScanListener listener) {
    Map<String, Integer> resources = new LinkedHashMap<>();
    units.forEach(unit -> unit.files().forEach(file -> resources.put(file.toString(), 0)));
    InputReader.Sink sink =
        new EvaluatingSink(
            Map.of(),
            listener,
            resource -> resources.merge(resource.origin().file(), 1, Integer::sum));
    try {
      reader.read(units, sink, listener::error);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError fault) {
      listener.error(fault(units.get(0).directory().toString(), fault));
    }
    resources.forEach(listener::fileScanned);
  }

  /**
   * The input that {@code file} is (links resolved, hard links too) among the files a scan of
   * {@code paths} reads — found in a directory, or read with a directory unit (a Terraform module)
   * — or null: what writing {@code file} would destroy. A file that does not exist yet is no input.
   */
  public static Path inputAt(List<Path> paths, Path file) {
    Path real;
    try {
      real = file.toRealPath();
    } catch (java.io.IOException e) {
      return null;
    }
    Path[] input = {null};
    InputFiles.visit(
        paths,
        new InputFiles.Visitor() {
          @Override
          public void file(Path found, Path tree, boolean named) {
            if (input[0] != null) {
              return;
            }
            if (same(found, real)) {
              input[0] = found;
            } else if (InputFormat.readingDirectoryOf(found) != null && inside(real, tree)) {
              // A directory unit reads its directory's files (a module's tfvars) and may read any
              // file of its tree (file(), templatefile()).
              Path directory = InputFiles.directoryOf(found);
              input[0] =
                  same(directory, real.getParent()) ? directory.resolve(real.getFileName()) : file;
            }
          }

          @Override
          public void skipped(Path path, String why) {}

          @Override
          public void error(InputException error) {}
        });
    return input[0];
  }

  private static boolean inside(Path real, Path tree) {
    try {
      return real.startsWith(tree.toRealPath());
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static boolean same(Path one, Path other) {
    try {
      return Files.isSameFile(one, other);
    } catch (java.io.IOException e) {
      return false; // the scan reports an unreadable input itself
    }
  }

  /**
   * A repository holds YAML of many kinds (Kubernetes manifests, Helm templates): found in a
   * directory, YAML that does not parse is an error only when it looks like CloudFormation. So says
   * this: whether {@code error} comes from YAML that is no CloudFormation template. A file some
   * other format's extensions name too (.json) is an error whatever it holds.
   */
  public static boolean isOtherYaml(Path file, InputException error, long maxBytes) {
    if (!InputFormat.reading(file).equals(List.of(InputFormat.CLOUDFORMATION))
        || error.line() == 0) {
      return false;
    }
    try {
      String text =
          RegularFiles.readUtf8(
              file,
              file.toString(),
              maxBytes); // again the one way: it may have become a FIFO since
      return !text.contains("AWS::") && !text.contains("AWSTemplateFormatVersion");
    } catch (InputException e) {
      return false;
    }
  }

  /** Scans JSON from a stream (standard input), naming it {@code name}, as one whole scan. */
  public void scan(InputStream in, String name, ScanListener listener) {
    read(in, name, listener);
    finish(listener);
  }

  /** The first phase of a scan of a stream; the request finishes the scan. */
  void read(InputStream in, String name, ScanListener listener) {
    try {
      scan(documents.read(in, name), Map.of(), listener);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError fault) {
      listener.error(fault(name, fault));
    } catch (InputException e) {
      listener.error(e);
    }
  }

  /** Scans one parsed document, as one whole scan. */
  public void scan(Document document, ScanListener listener) {
    scan(document, Map.of(), listener);
    finish(listener);
  }

  /**
   * Reads one document of a scan fed document by document (a live scan's), its resources all
   * carrying {@code labels} (its account and region): the first phase only; whoever feeds the
   * documents calls {@link #finish} after the last one. Safe to call from several threads.
   */
  public void scan(Document document, Map<String, String> labels, ScanListener listener) {
    int[] resources = {0};
    InputReader.Sink sink = new EvaluatingSink(labels, listener, resource -> resources[0]++);
    document.notices().forEach(notice -> sink.note(notice.where(), notice.message()));
    try {
      if (fileReaders.stream().noneMatch(reader -> reader.read(document, sink))) {
        listener.note(new Note(document.root().location(), UNRECOGNISED));
      }
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError fault) {
      listener.error(fault(document.name(), fault));
    }
    listener.fileScanned(document.name(), resources[0]);
  }

  /**
   * A fault while reading one input, as that input's one-line error: it must not stop the other
   * files, nor surface as a Java message. Memory and stack are released once the fault has unwound.
   */
  private static InputException fault(String name, Throwable fault) {
    String problem;
    if (fault instanceof OutOfMemoryError) {
      problem =
          "refused: too large for the memory available ("
              + (Runtime.getRuntime().maxMemory() >> 20)
              + " MB; give Java more with JAVA_TOOL_OPTIONS=-Xmx2g, or split the file)";
    } else if (fault instanceof StackOverflowError) {
      problem =
          "refused: nested or chained too deeply to follow (a stack overflow; give Java more with JAVA_TOOL_OPTIONS=-Xss16m)";
    } else {
      problem =
          "ecsguard could not read it (internal error "
              + fault.getClass().getSimpleName()
              + "; please report it)";
    }
    return new InputException(name, problem, fault);
  }

  /**
   * Evaluates the resources a reader finds (its inline suppressions applied) and passes its notes
   * on.
   */
  private final class EvaluatingSink implements InputReader.Sink {
    private final Map<String, String> labels;
    private final ScanListener listener;
    private final java.util.function.Consumer<Resource> counter;

    EvaluatingSink(
        Map<String, String> labels,
        ScanListener listener,
        java.util.function.Consumer<Resource> counter) {
      this.labels = labels;
      this.listener = listener;
      this.counter = counter;
    }

    @Override
    public void resource(Resource resource, Map<String, String> own) {
      resource(resource, own, List.of());
    }

    @Override
    public void resource(
        Resource resource, Map<String, String> own, List<InlineSuppression> inline) {
      counter.accept(resource);
      List<Suppression> known = new ArrayList<>();
      for (InlineSuppression written : inline) {
        try {
          String id = Selection.find(written.control()).info().id();
          known.add(
              new Suppression(
                  id, written.resourceId(), written.reason(), written.expires(), written.source()));
        } catch (IllegalArgumentException e) {
          note(written.where(), "an ecsguard suppression names " + e.getMessage() + "; ignored");
        }
      }
      evaluate(resource, merged(labels, own), known, listener);
    }

    @Override
    public void note(Node where, String message) {
      listener.note(new Note(where.location(), Credentials.maskFormats(message)));
    }
  }

  private static Map<String, String> merged(Map<String, String> first, Map<String, String> second) {
    if (first.isEmpty() || second.isEmpty()) {
      return first.isEmpty() ? second : first;
    }
    Map<String, String> merged = new LinkedHashMap<>(first);
    merged.putAll(second);
    return merged;
  }

  /** Evaluates every selected control that is about {@code resource}'s type. */
  public void evaluate(Resource resource, ScanListener listener) {
    evaluate(resource, Map.of(), listener);
  }

  /**
   * As above, the findings carrying {@code labels}. Part of the scan: what the second phase needs
   * of the resource is held until {@link #finish}.
   */
  public void evaluate(Resource resource, Map<String, String> labels, ScanListener listener) {
    evaluate(resource, labels, List.of(), listener);
  }

  /** {@code inline}: the suppressions written beside the resource, applied on the way out. */
  private void evaluate(
      Resource resource,
      Map<String, String> labels,
      List<Suppression> inline,
      ScanListener listener) {
    TaskDefinition taskDefinition = resource instanceof TaskDefinition t ? t : null;
    ScanListener target = null;
    if (taskDefinition != null) {
      target = linking.hold(taskDefinition, labels, inline);
    }
    if (target == null) {
      target = inline.isEmpty() ? listener : new Suppressing(inline, today, listener);
    }
    Map<Control<?>, Finding> found =
        taskDefinition != null && linking.active() ? new HashMap<>() : null;
    for (Selection.Entry entry : selection.entries()) {
      Verdict verdict;
      try {
        verdict = entry.control().evaluateAny(resource, entry.parameters());
      } catch (RuntimeException bug) {
        verdict = internalError(bug, resource.origin());
      }
      if (verdict != null) {
        Finding finding = finding(entry, resource, labels, verdict);
        if (found != null) {
          found.put(entry.control(), finding);
        }
        target.finding(finding);
      }
    }
    if (found != null) {
      linking.taskDefinition(taskDefinition, labels, found);
    } else if (resource instanceof Workload workload && linking.active()) {
      linking.workload(workload, labels, inline);
    }
  }

  /** One faulty control must not stop the scan, nor pass anything it could not judge. */
  static Verdict internalError(RuntimeException bug, Origin resource) {
    return new Verdict(
        Status.UNKNOWN,
        "ecsguard could not evaluate this control (internal error "
            + bug.getClass().getSimpleName()
            + "); please report it",
        resource,
        List.of());
  }

  /**
   * A verdict as a finding; a message may quote a value the input holds, so a credential's format
   * is hidden in it.
   */
  static Finding finding(
      Selection.Entry entry, Resource resource, Map<String, String> labels, Verdict verdict) {
    List<Finding.Element> offenders = new ArrayList<>(verdict.offenders().size());
    for (Offender offender : verdict.offenders()) {
      offenders.add(
          new Finding.Element(
              offender.element(),
              offender.origin().location(),
              Credentials.maskFormats(offender.problem()),
              Credentials.maskFormats(offender.sentence(verdict.status()))));
    }
    return new Finding(
        entry.control().info(),
        verdict.status(),
        resource.type(),
        resource.id(),
        Map.copyOf(labels),
        verdict.origin().location(),
        Credentials.maskFormats(verdict.message()),
        List.copyOf(offenders));
  }
}
