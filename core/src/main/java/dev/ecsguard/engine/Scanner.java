package dev.ecsguard.engine;

import dev.ecsguard.control.Offender;
import dev.ecsguard.control.Status;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.format.InlineSuppression;
import dev.ecsguard.format.InputReader;
import dev.ecsguard.format.terraform.TerraformVariables;
import dev.ecsguard.input.Exclusions;
import dev.ecsguard.input.InputFiles;
import dev.ecsguard.input.InputFormat;
import dev.ecsguard.model.ContainerDefinition;
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
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.Origin;
import dev.ecsguard.tree.RegularFiles;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads inputs, evaluates the selected controls on every resource, and reports as it goes. A scan
 * has a second phase at its end: the controls across resources (a service and the task definition
 * it runs), and the findings of task definitions with a revision number, held until the latest
 * revision of each family is known. Each entry point is one whole scan, with both phases; inside
 * {@link #scanTogether} they are all one scan, finished once at its end (a request's inputs, a live
 * scan's documents).
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
  private final Today today;
  private final Exclusions exclusions;
  private final List<Map<String, String>> maskedMessages; // by selection entry
  private final Linking.Plan linked;
  private volatile Linking together; // the scan scanTogether has open, or null

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
    this(selection, limits, cfnParameters, TerraformVariables.of(tfVariables));
  }

  /** As above, with what Terraform root modules' variables are given besides tfvars files. */
  public Scanner(
      Selection selection,
      InputLimits limits,
      Map<String, String> cfnParameters,
      TerraformVariables tfVariables) {
    this(selection, limits, cfnParameters, tfVariables, Today.current(), Exclusions.NONE);
  }

  /** As above; {@code today}: the day the inputs' inline suppressions are judged on (expiry). */
  public Scanner(
      Selection selection,
      InputLimits limits,
      Map<String, String> cfnParameters,
      Map<String, String> tfVariables,
      LocalDate today) {
    this(
        selection,
        limits,
        cfnParameters,
        TerraformVariables.of(tfVariables),
        today,
        Exclusions.NONE);
  }

  /**
   * As above; {@code tfVariables}: what Terraform root modules' variables are given besides their
   * tfvars files; {@code exclusions}: what directory searches leave out.
   */
  public Scanner(
      Selection selection,
      InputLimits limits,
      Map<String, String> cfnParameters,
      TerraformVariables tfVariables,
      LocalDate today,
      Exclusions exclusions) {
    this(selection, limits, cfnParameters, tfVariables, Today.of(today), exclusions);
  }

  Scanner(
      Selection selection,
      InputLimits limits,
      Map<String, String> cfnParameters,
      TerraformVariables tfVariables,
      Today today,
      Exclusions exclusions) {
    this.today = today;
    this.exclusions = exclusions;
    this.selection = selection;
    this.maskedMessages =
        selection.entries().stream()
            .<Map<String, String>>map(entry -> new java.util.concurrent.ConcurrentHashMap<>())
            .toList();
    this.linked = Linking.Plan.of(selection);
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
   * Runs {@code reads} (calls of this scanner's entry points, from any thread) as one scan: what
   * they hold for the second phase is judged together once they are done, and reported to {@code
   * listener}. So a service links to a task definition read by another call.
   */
  public void scanTogether(ScanListener listener, Runnable reads) {
    Linking linking = new Linking(linked);
    together = linking;
    try {
      reads.run();
    } finally {
      together = null;
    }
    linking.finish(listener, today);
  }

  /** One entry point's reads: within the scan open together, else a whole scan of their own. */
  private void whole(ScanListener listener, java.util.function.Consumer<Linking> reads) {
    Linking open = together;
    if (open != null) {
      Linking call = open.call();
      reads.accept(call);
      call.finishCall(listener, today);
      return;
    }
    Linking own = new Linking(linked);
    reads.accept(own);
    own.finish(listener, today);
  }

  /** Scans files and directories; a path that does not exist is reported as an error. */
  public void scan(List<Path> paths, ScanListener listener) {
    whole(listener, linking -> read(paths, listener, linking));
  }

  private void read(List<Path> paths, ScanListener listener, Linking linking) {
    Map<InputFormat, List<InputReader.Directory>> units = new EnumMap<>(InputFormat.class);
    InputFiles.visitUnits(
        paths,
        exclusions,
        new InputFiles.UnitVisitor() {
          @Override
          public void file(Path file, Path tree, boolean named) {
            try {
              read(documents.read(file, file.toString()), Map.of(), listener, linking);
              linking.judgePending(); // before the file's tree is let go
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
              } else if (!named && isJsonWithComments(file)) {
                listener.note(
                    new Note(
                        new Location(file.toString(), "", e.line(), e.column()),
                        "a TypeScript or JavaScript project's configuration, JSON with comments"
                            + " that ecsguard cannot read ("
                            + e.problem()
                            + "); skipped, as it is no ECS input"));
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
    units.forEach((format, found) -> read(directoryReaders.get(format), found, listener, linking));
  }

  /**
   * Reads the directory units of one format, all together (a unit may be read through another);
   * each of their files counts as scanned once, with the resources written in it, and so does a
   * file read through them that holds resources (a called module's).
   */
  private void read(
      InputReader.OfDirectory reader,
      List<InputReader.Directory> units,
      ScanListener listener,
      Linking linking) {
    Map<String, Integer> resources = new LinkedHashMap<>();
    units.forEach(unit -> unit.files().forEach(file -> resources.put(file.toString(), 0)));
    InputReader.Sink sink =
        new EvaluatingSink(
            Map.of(),
            listener,
            linking,
            resource -> resources.merge(resource.origin().file(), 1, Integer::sum));
    try {
      reader.read(units, sink, listener::error);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError fault) {
      listener.error(fault(units.get(0).directory().toString(), fault));
    }
    linking.judgePending();
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

  /**
   * The first aws_ecs_* resource type of a Terraform configuration in JSON syntax (a .tf.json, as
   * CDK for Terraform writes it), which no reader takes: not to be passed over as a file of no
   * concern. Null for any other document.
   */
  private static Node terraformJsonEcsResource(Document document) {
    if (document.name().endsWith(".tf.json")
        && document.root() instanceof ObjectNode root
        && root.get("resource") instanceof ObjectNode resources) {
      for (String type : resources.names()) {
        if (type.startsWith("aws_ecs_")) {
          return resources.get(type);
        }
      }
    }
    return null;
  }

  private static final Pattern JSON_WITH_COMMENTS = Pattern.compile("[tj]sconfig(\\..+)?\\.json");

  /**
   * Whether {@code file} is a TypeScript or JavaScript project's configuration (tsconfig.json,
   * tsconfig.build.json, jsconfig.json): JSON with comments and trailing commas, as their tools
   * read it, in every CDK TypeScript app. Found in a directory, one JSON cannot read is skipped
   * with a note, not an error.
   */
  public static boolean isJsonWithComments(Path file) {
    Path name = file.getFileName();
    return name != null && JSON_WITH_COMMENTS.matcher(name.toString()).matches();
  }

  /** Scans JSON from a stream (standard input), naming it {@code name}. */
  public void scan(InputStream in, String name, ScanListener listener) {
    whole(listener, linking -> read(in, name, listener, linking));
  }

  private void read(InputStream in, String name, ScanListener listener, Linking linking) {
    try {
      read(documents.read(in, name), Map.of(), listener, linking);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError fault) {
      listener.error(fault(name, fault));
    } catch (InputException e) {
      listener.error(e);
    }
  }

  /** Scans one parsed document. */
  public void scan(Document document, ScanListener listener) {
    scan(document, Map.of(), listener);
  }

  /**
   * Scans one document whose resources all carry {@code labels} (a live scan's account and region,
   * whose documents are scanned together: see {@link #scanTogether}). Safe to call from several
   * threads.
   */
  public void scan(Document document, Map<String, String> labels, ScanListener listener) {
    whole(listener, linking -> read(document, labels, listener, linking));
  }

  private void read(
      Document document, Map<String, String> labels, ScanListener listener, Linking linking) {
    int[] resources = {0};
    InputReader.Sink sink =
        new EvaluatingSink(labels, listener, linking, resource -> resources[0]++);
    document.notices().forEach(notice -> sink.note(notice.where(), notice.message()));
    try {
      if (fileReaders.stream().noneMatch(reader -> reader.read(document, sink))) {
        Node ecsResource = terraformJsonEcsResource(document);
        if (ecsResource != null) {
          listener.error(
              new InputException(
                  document.name(),
                  ecsResource.line(),
                  ecsResource.column(),
                  "Terraform's JSON syntax (.tf.json) is not read by ecsguard, so the aws_ecs_*"
                      + " resources here are not checked; scan the plan JSON (terraform show"
                      + " -json) instead"));
        } else {
          listener.note(new Note(document.root().location(), UNRECOGNISED));
        }
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
    private final Linking linking;
    private final java.util.function.Consumer<Resource> counter;

    EvaluatingSink(
        Map<String, String> labels,
        ScanListener listener,
        Linking linking,
        java.util.function.Consumer<Resource> counter) {
      this.labels = labels;
      this.listener = listener;
      this.linking = linking;
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
      if (resource instanceof TaskDefinition taskDefinition) {
        noteUnknownFields(taskDefinition);
      }
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
      evaluate(resource, merged(labels, own), known, listener, linking);
    }

    @Override
    public void note(Node where, String message) {
      listener.note(new Note(where.location(), Credentials.maskFormats(message)));
    }

    /**
     * A container's members that are no container definition field are said: the controls read them
     * as absent (a misspelt privilege passes ECS.4), as AWS's Terraform provider drops them.
     */
    private void noteUnknownFields(TaskDefinition taskDefinition) {
      for (ContainerDefinition container : taskDefinition.containers().orElse(List.of())) {
        List<String> unknown = container.unknownFields();
        if (!unknown.isEmpty()) {
          listener.note(
              new Note(
                  container.origin().location(),
                  Credentials.maskFormats(
                      taskDefinition.id()
                          + ": "
                          + container.label()
                          + ": "
                          + String.join(", ", unknown)
                          + (unknown.size() == 1 ? " is no field" : " are no fields")
                          + " of an ECS container definition (misspelt?), so ecsguard reads"
                          + (unknown.size() == 1 ? " it" : " them")
                          + " as absent; ECS and CloudFormation refuse such a name, AWS's"
                          + " Terraform provider drops it")));
        }
      }
    }

    @Override
    public void deregistered(TaskDefinition taskDefinition) {
      if (linking.active()) {
        linking.deregistered(taskDefinition, labels, new Finding[selection.entries().size()]);
      }
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

  /** As above, the findings carrying {@code labels}. */
  public void evaluate(Resource resource, Map<String, String> labels, ScanListener listener) {
    whole(listener, linking -> evaluate(resource, labels, List.of(), listener, linking));
  }

  /** {@code inline}: the suppressions written beside the resource, applied on the way out. */
  private void evaluate(
      Resource resource,
      Map<String, String> labels,
      List<Suppression> inline,
      ScanListener listener,
      Linking linking) {
    TaskDefinition taskDefinition = resource instanceof TaskDefinition t ? t : null;
    ScanListener target = null;
    if (taskDefinition != null) {
      target = linking.hold(taskDefinition, labels, inline);
    }
    if (target == null) {
      target =
          inline.isEmpty() ? listener : new Suppressing(inline, Baseline.none(), today, listener);
    }
    List<Selection.Entry> entries = selection.entries();
    Finding[] found =
        taskDefinition != null && linking.active() ? new Finding[entries.size()] : null;
    for (int i = 0; i < entries.size(); i++) {
      Selection.Entry entry = entries.get(i);
      Verdict verdict;
      try {
        verdict = entry.control().evaluateAny(resource, entry.parameters());
      } catch (RuntimeException bug) {
        verdict = internalError(bug, resource.origin());
      }
      if (verdict != null) {
        Finding finding = finding(entry, resource, labels, verdict, maskedMessage(i, verdict));
        if (found != null) {
          found[i] = finding;
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
   * The verdict's message, a credential's format hidden in it. A control's messages repeat (its
   * text for PASSED, the same string each time; a FAILED message for each task definition with the
   * same container and setting), so each control keeps the last ones it masked, by their text:
   * masking every message was a tenth of a scan's time. The maps are concurrent, so a scanner used
   * by several threads stays correct, and small: emptied when full.
   */
  private String maskedMessage(int entry, Verdict verdict) {
    Map<String, String> masked = maskedMessages.get(entry);
    String message = verdict.message();
    String known = masked.get(message);
    if (known != null) {
      return known;
    }
    if (masked.size() >= MASKED_MESSAGES_KEPT) {
      masked.clear();
    }
    known = Credentials.maskFormats(message);
    masked.put(message, known);
    return known;
  }

  private static final int MASKED_MESSAGES_KEPT = 64;

  /**
   * A verdict as a finding; a message may quote a value the input holds, so a credential's format
   * is hidden in it.
   */
  static Finding finding(
      Selection.Entry entry, Resource resource, Map<String, String> labels, Verdict verdict) {
    return finding(entry, resource, labels, verdict, Credentials.maskFormats(verdict.message()));
  }

  /** As above, with the message already masked. */
  private static Finding finding(
      Selection.Entry entry,
      Resource resource,
      Map<String, String> labels,
      Verdict verdict,
      String message) {
    Finding.Element[] offenders = new Finding.Element[verdict.offenders().size()];
    for (int i = 0; i < offenders.length; i++) {
      Offender offender = verdict.offenders().get(i);
      offenders[i] =
          new Finding.Element(
              offender.element(),
              offender.origin().location(),
              offender.problem(),
              offender.sentence(verdict.status())); // masked as the offender was made
    }
    return new Finding(
        entry.control().info(),
        verdict.status(),
        resource.type(),
        resource.id(),
        Map.copyOf(labels),
        verdict.origin().location(),
        message,
        List.of(offenders));
  }
}
