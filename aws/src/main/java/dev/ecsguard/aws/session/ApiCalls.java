package dev.ecsguard.aws.session;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts a scan's API calls by operation (one per call, however many attempts), and the attempts
 * beyond the first (retries, throttling mostly), across every client of the scan.
 */
public final class ApiCalls implements ExecutionInterceptor {
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
  private final AtomicLong sdkCalls = new AtomicLong();
  private final AtomicLong attempts = new AtomicLong();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    sdkCalls.incrementAndGet();
    count(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    attempts.incrementAndGet();
  }

  public void count(String operation) {
    calls.computeIfAbsent(operation, name -> new AtomicLong()).incrementAndGet();
  }

  public long total() {
    return calls.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** Attempts beyond each call's first: what throttling and transient errors cost. */
  public long retries() {
    return Math.max(0, attempts.get() - sdkCalls.get());
  }

  public Map<String, Long> byOperation() {
    Map<String, Long> copy = new TreeMap<>();
    calls.forEach((operation, count) -> copy.put(operation, count.get()));
    return copy;
  }
}
