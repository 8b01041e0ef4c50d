package dev.ecsguard.engine;

import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.JudgedTaskDefinition;
import dev.ecsguard.control.JudgedTaskDefinition.Judgement;
import dev.ecsguard.control.LinkedControl;
import dev.ecsguard.control.Offender;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Scope;
import dev.ecsguard.control.Status;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.TaskDefinitionLink;
import dev.ecsguard.model.Workload;
import dev.ecsguard.tree.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scan's second phase, and what it keeps from the first: the task definitions as linked controls
 * see them (judged once, detached), the services and task sets those controls judge, and the
 * findings of task definitions with a revision number, held until the call (a file set, a document)
 * knows which revision of each family is the latest (only that one is reported, as Security Hub
 * reports only the latest ACTIVE revision; one read after a newer revision of its family in an
 * earlier call of the scan is not the latest either). Live scans read their targets on several
 * threads: what it keeps is guarded by its lock.
 */
final class Linking {
  private final Plan plan;
  private final Shared shared;
  private final Map<String, List<Revision>> revisions = new LinkedHashMap<>(); // this call's
  private final boolean partOfScan; // a call of a scan made of many calls
  // Task definitions read but not yet judged: a scan of one document with no service never needs it
  private final List<Pending> pending = new ArrayList<>();

  private record Pending(
      TaskDefinition taskDefinition, Map<String, String> labels, Finding[] found, boolean active) {}

  /**
   * What the calls of one scan share, guarded by its own lock: the task definitions read, indexed,
   * and the services and task sets kept.
   */
  private static final class Shared {
    final Map<String, JudgedTaskDefinition> index = new HashMap<>();
    final Map<String, JudgedTaskDefinition> latest = new HashMap<>();
    final List<Held> workloads = new ArrayList<>();
    // the newest revision number of each family reported so far, for the calls that come later
    final Map<String, Integer> newest = new HashMap<>();
  }

  /**
   * A task-definition control a linked control reads, with the scan's parameters; {@code entry}:
   * its place among the selection's entries when selected (its finding is reused), else -1.
   */
  record Read(
      Control<?> control, ParameterValues parameters, int entry, boolean detail, int order) {}

  /** A service or task set, with what its findings need. */
  private record Held(Workload workload, Map<String, String> labels, List<Suppression> inline) {}

  /** A revision's findings, held until the latest revision of its family is known. */
  record Revision(
      int number,
      Location location,
      Map<String, String> labels,
      List<Suppression> inline,
      List<Finding> findings)
      implements ScanListener {
    @Override
    public void finding(Finding finding) {
      findings.add(finding);
    }

    @Override
    public void note(Note note) {}

    @Override
    public void error(dev.ecsguard.tree.InputException error) {}
  }

  /**
   * What a selection's linked controls need, worked out once per scanner: the controls themselves,
   * the task-definition controls they read, and their probes.
   */
  record Plan(List<Selection.Entry> linked, List<Read> reads, List<LinkedControl.Probe> probes) {
    static Plan of(Selection selection) {
      List<Selection.Entry> linked =
          selection.entries().stream()
              .filter(entry -> entry.control() instanceof LinkedControl<?>)
              .toList();
      List<Control<?>> selected =
          selection.entries().stream().<Control<?>>map(Selection.Entry::control).toList();
      List<Read> reads = new ArrayList<>();
      for (int order = 0; order < Catalogue.CONTROLS.size(); order++) {
        Control<?> candidate = Catalogue.CONTROLS.get(order);
        ControlInfo info = candidate.info();
        if (info.resourceType() == ResourceType.TASK_DEFINITION
            && !(candidate instanceof LinkedControl<?>)
            && !info.retired()
            && linked.stream().anyMatch(entry -> linkedControl(entry).reads(info))) {
          reads.add(
              new Read(
                  candidate,
                  selection.parameters(candidate),
                  selected.indexOf(candidate),
                  linked.stream().anyMatch(entry -> linkedControl(entry).readsDetail(info)),
                  order));
        }
      }
      List<LinkedControl.Probe> probes = new ArrayList<>();
      linked.forEach(entry -> probes.addAll(((LinkedControl<?>) entry.control()).probes()));
      return new Plan(linked, List.copyOf(reads), List.copyOf(probes));
    }

    private static LinkedControl<?> linkedControl(Selection.Entry entry) {
      return (LinkedControl<?>) entry.control();
    }

    /**
     * The verdict of a read whose detail no linked control reads: its status only, one instance per
     * control and status.
     */
    private static final Map<String, Judgement> STATUSES =
        new java.util.concurrent.ConcurrentHashMap<>();

    static Judgement status(Read read, Status status) {
      return STATUSES.computeIfAbsent(
          read.control().info().id() + " " + status,
          key ->
              new Judgement(
                  read.control().info(), new Verdict(status, "", null, List.of()), read.order()));
    }
  }

  /** One scan's second phase, for {@code plan}. */
  Linking(Plan plan) {
    this(plan, new Shared(), false);
  }

  private Linking(Plan plan, Shared shared, boolean partOfScan) {
    this.plan = plan;
    this.shared = shared;
    this.partOfScan = partOfScan;
  }

  /**
   * One call of the scan (a document, a stream, the files of a path): it shares the scan's task
   * definitions and services, and compares revisions among its own task definitions only, so that
   * their findings come out at its end, in its order (a live scan replays each account-region's
   * calls in order).
   */
  Linking call() {
    return new Linking(plan, shared, true);
  }

  /** Whether the selection has controls across resources. */
  boolean active() {
    return !plan.linked().isEmpty();
  }

  /**
   * Where the findings of {@code taskDefinition} go: held when it has a family and a revision
   * number, so that only the latest revision is reported; null to report them now.
   */
  Revision hold(
      TaskDefinition taskDefinition, Map<String, String> labels, List<Suppression> inline) {
    if (!taskDefinition.revision().isKnown() || !taskDefinition.family().isKnown()) {
      return null;
    }
    Revision revision =
        new Revision(
            taskDefinition.revision().get(),
            taskDefinition.origin().location(),
            labels,
            inline,
            new ArrayList<>());
    revisions
        .computeIfAbsent(familyKey(taskDefinition, labels), key -> new ArrayList<>())
        .add(revision);
    return revision;
  }

  /**
   * Keeps {@code taskDefinition} for the linked controls, judged by the controls they read ({@code
   * found}: the findings the scan just made on it, by selection entry, reused where the control is
   * selected) and by their probes.
   */
  void taskDefinition(TaskDefinition taskDefinition, Map<String, String> labels, Finding[] found) {
    pending.add(new Pending(taskDefinition, labels, found, true));
  }

  /**
   * Keeps a deregistered revision, judged only here ({@code found} empty), for the services that
   * still run it: never the latest of its family.
   */
  void deregistered(TaskDefinition taskDefinition, Map<String, String> labels, Finding[] found) {
    pending.add(new Pending(taskDefinition, labels, found, false));
  }

  /**
   * Judges the task definitions read so far, before their input is let go (at the end of each file
   * of a scan of many, and of each call of a scan made of many calls).
   */
  void judgePending() {
    for (Pending read : pending) {
      judge(read.taskDefinition(), read.labels(), read.found(), read.active());
    }
    pending.clear();
  }

  private void judge(
      TaskDefinition taskDefinition, Map<String, String> labels, Finding[] found, boolean active) {
    Map<String, Judgement> verdicts = new HashMap<>();
    for (Read read : plan.reads()) {
      Finding finding = read.entry() >= 0 ? found[read.entry()] : null;
      Status status;
      Verdict verdict = null;
      if (finding != null) {
        status = finding.status();
        if (read.detail() && status != Status.PASSED) {
          verdict = detached(finding);
        }
      } else {
        Verdict evaluated = read.control().evaluateAny(taskDefinition, read.parameters());
        status = evaluated == null ? Status.PASSED : evaluated.status();
        if (read.detail() && status != Status.PASSED) {
          verdict = detached(evaluated);
        }
      }
      if (status != Status.PASSED) {
        ControlInfo info = read.control().info();
        verdicts.put(
            info.id(),
            verdict != null
                ? new Judgement(info, verdict, read.order())
                : Plan.status(read, status));
      }
    }
    int order = Catalogue.CONTROLS.size();
    for (LinkedControl.Probe probe : plan.probes()) {
      Verdict verdict = detached(probe.control().evaluateAny(taskDefinition, probe.parameters()));
      if (verdict != null && verdict.status() != Status.PASSED) {
        verdicts.put(probe.name(), new Judgement(probe.control().info(), verdict, order++));
      }
    }
    JudgedTaskDefinition judged =
        new JudgedTaskDefinition(
            taskDefinition.id(),
            taskDefinition.family().orElse(null),
            taskDefinition.revision().orElse(null),
            taskDefinition.arn().orElse(null),
            taskDefinition.key(),
            verdicts.isEmpty()
                ? Map.of()
                : Map.copyOf(verdicts)); // compact: kept per task definition
    add(judged, labels, active);
  }

  private void add(JudgedTaskDefinition judged, Map<String, String> labels, boolean active) {
    String scope = scope(labels);
    synchronized (shared) {
      if (judged.key() != null) {
        shared.index.put(judged.key(), judged);
      }
      if (judged.arn() != null) {
        shared.index.put(scope + judged.arn(), judged);
      }
      if (judged.family() != null) {
        if (judged.revision() != null) {
          shared.index.put(scope + judged.family() + ":" + judged.revision(), judged);
        }
        if (active) {
          shared.latest.merge(scope + judged.family(), judged, Linking::later);
        }
      }
    }
  }

  /** The later of two revisions of one family: one with no number is what an input registers. */
  private static JudgedTaskDefinition later(JudgedTaskDefinition one, JudgedTaskDefinition other) {
    if (one.revision() == null || other.revision() == null) {
      return one.revision() == null ? one : other;
    }
    return other.revision() > one.revision() ? other : one;
  }

  void workload(Workload workload, Map<String, String> labels, List<Suppression> inline) {
    synchronized (shared) {
      shared.workloads.add(new Held(workload, labels, inline));
    }
  }

  /** The end of one call: the latest revision of each family reported, the others noted. */
  void finishCall(ScanListener listener, Today today) {
    if (partOfScan) {
      judgePending();
    }
    revisions.forEach(
        (family, held) -> {
          int newestHere = held.stream().mapToInt(Revision::number).max().orElseThrow();
          int newest;
          synchronized (shared) {
            // A revision read after a newer one of its family (a live scan describes the older
            // revisions services run after the families' latest) is not the latest either.
            newest = shared.newest.merge(family, newestHere, Math::max);
          }
          for (Revision revision : held) {
            if (revision.number() == newest) {
              ScanListener target = wrap(revision.inline(), today, listener);
              revision.findings().forEach(target::finding);
            } else if (!revision.findings().isEmpty()) { // said only where findings are left out
              listener.note(
                  new Note(
                      revision.location(),
                      "revision "
                          + revision.number()
                          + " is not the latest ACTIVE revision "
                          + newest
                          + " of its family in this scan; Security Hub judges only the latest, so"
                          + " its task-definition controls are not reported (ECSG.11 and ECSG.12"
                          + " still judge it where a service runs it)"));
            }
          }
        });
    revisions.clear();
  }

  /**
   * The end of the scan (after its calls): the linked controls on every service and task set kept,
   * those of one account and region in the order read, the account-regions in the order of their
   * labels (a live scan reads them at once). Everything kept is then let go.
   */
  void finish(ScanListener listener, Today today) {
    finishCall(listener, today);
    List<Held> workloads;
    synchronized (shared) {
      workloads = new ArrayList<>(shared.workloads);
      shared.workloads.clear();
    }
    if (workloads.isEmpty()) {
      pending.clear(); // nothing links to them
    } else {
      judgePending();
    }
    workloads.sort(java.util.Comparator.comparing(held -> held.labels().toString()));
    for (Held held : workloads) {
      ScanListener target = wrap(held.inline(), today, listener);
      Scope scope = new View(scope(held.labels()));
      for (Selection.Entry entry : plan.linked()) {
        Verdict verdict;
        try {
          verdict =
              ((LinkedControl<?>) entry.control())
                  .evaluateLinked(held.workload(), entry.parameters(), scope);
        } catch (RuntimeException bug) {
          verdict = Scanner.internalError(bug, held.workload().origin());
        }
        if (verdict != null) {
          target.finding(Scanner.finding(entry, held.workload(), held.labels(), verdict));
        }
      }
    }
    synchronized (shared) {
      shared.index.clear();
      shared.latest.clear();
      shared.newest.clear();
    }
  }

  private static ScanListener wrap(List<Suppression> inline, Today today, ScanListener listener) {
    return inline.isEmpty() ? listener : new Suppressing(inline, Baseline.none(), today, listener);
  }

  /** Task definitions of different accounts and regions (a live scan's labels) never link. */
  private static String scope(Map<String, String> labels) {
    return labels.isEmpty() ? "" : labels.toString() + "|";
  }

  private static String familyKey(TaskDefinition taskDefinition, Map<String, String> labels) {
    return scope(labels) + taskDefinition.family().get();
  }

  /** A verdict that keeps nothing of the input alive: its origins as locations. */
  private static Verdict detached(Verdict verdict) {
    if (verdict == null || verdict.status() == Status.PASSED) {
      return verdict;
    }
    List<Offender> offenders = new ArrayList<>(verdict.offenders().size());
    verdict
        .offenders()
        .forEach(
            offender ->
                offenders.add(
                    new Offender(
                        offender.element(), offender.origin().location(), offender.problem())));
    return new Verdict(
        verdict.status(), verdict.message(), verdict.origin().location(), List.copyOf(offenders));
  }

  /** A finding's verdict again, as the finding detached it (its texts masked already). */
  private static Verdict detached(Finding finding) {
    if (finding.status() == Status.PASSED) {
      return null; // not kept
    }
    List<Offender> offenders = new ArrayList<>(finding.offenders().size());
    finding
        .offenders()
        .forEach(
            element ->
                offenders.add(new Offender(element.name(), element.location(), element.problem())));
    return new Verdict(
        finding.status(), finding.message(), finding.location(), List.copyOf(offenders));
  }

  /** The scan's task definitions within one account and region. */
  private final class View implements Scope {
    private final String scope;

    View(String scope) {
      this.scope = scope;
    }

    @Override
    public Optional<JudgedTaskDefinition> find(TaskDefinitionLink link) {
      synchronized (shared) {
        return find(link.key(), link.text());
      }
    }

    private Optional<JudgedTaskDefinition> find(String key, String text) {
      if (key != null) {
        return Optional.ofNullable(shared.index.get(key));
      }
      int slash = text.indexOf(":task-definition/");
      if (text.startsWith("arn:") && slash > 0) {
        JudgedTaskDefinition byArn = shared.index.get(scope + text);
        if (byArn != null) {
          return Optional.of(byArn);
        }
        text = text.substring(slash + ":task-definition/".length());
      }
      return Optional.ofNullable(
          text.matches(".*:\\d+")
              ? shared.index.get(scope + text)
              : shared.latest.get(scope + text));
    }

    @Override
    public JudgedTaskDefinition latest(JudgedTaskDefinition taskDefinition) {
      // One without a number is what an input registers: the latest, even beside another input
      // registering the same family (two templates or modules are two deployments).
      if (taskDefinition.family() == null || taskDefinition.revision() == null) {
        return taskDefinition;
      }
      synchronized (shared) {
        return shared.latest.getOrDefault(scope + taskDefinition.family(), taskDefinition);
      }
    }
  }
}
