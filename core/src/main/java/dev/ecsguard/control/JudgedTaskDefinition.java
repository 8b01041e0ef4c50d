package dev.ecsguard.control;

import java.util.List;
import java.util.Map;

/**
 * A task definition of the scan as linked controls see it: what names it, and the verdicts that
 * were not PASSED of the controls they read (by control id) and of their probes (by probe name),
 * detached from the input.
 *
 * @param family null when not known
 * @param revision null when the input has none (what it registers)
 * @param arn null when the input has none
 * @param key the reader's key ({@link dev.ecsguard.model.TaskDefinition#key()}), or null
 */
public record JudgedTaskDefinition(
    String id,
    String family,
    Integer revision,
    String arn,
    String key,
    Map<String, Judgement> verdicts) {

  /**
   * One control's (or probe's) verdict that was not PASSED; {@code order}, its place in the
   * catalogue (probes after). Where no linked control {@linkplain LinkedControl#readsDetail reads
   * the detail}, the verdict has its status only, and is shared by every task definition alike.
   */
  public record Judgement(ControlInfo control, Verdict verdict, int order) {}

  /** The verdicts in the catalogue's order, probes last. */
  public List<Map.Entry<String, Judgement>> ordered() {
    return verdicts.entrySet().stream()
        .sorted(java.util.Comparator.comparingInt(entry -> entry.getValue().order()))
        .toList();
  }

  /** How messages name it: {@code family:revision}, else its id. */
  public String name() {
    return family != null && revision != null ? family + ":" + revision : id;
  }

  /** The judgements of the controls (not probes) whose severity is one of {@code severities}. */
  public List<Judgement> of(Status status, List<Severity> severities) {
    return ordered().stream()
        .filter(entry -> entry.getKey().equals(entry.getValue().control().id()))
        .map(Map.Entry::getValue)
        .filter(judgement -> judgement.verdict().status() == status)
        .filter(judgement -> severities.contains(judgement.control().severity()))
        .toList();
  }
}
