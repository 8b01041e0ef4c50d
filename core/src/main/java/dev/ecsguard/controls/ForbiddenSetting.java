package dev.ecsguard.controls;

import dev.ecsguard.control.Decision;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.Value;
import dev.ecsguard.source.Origin;

/** The controls that fail one exact value of one setting (pidMode host, assignPublicIp ENABLED, …). */
final class ForbiddenSetting {
  private ForbiddenSetting() {}

  static Verdict verdict(Value<String> setting, String forbidden, Origin resource, String failure, String pass) {
    Decision decision = new Decision(resource);
    if (setting.is(forbidden)) {
      decision.fail(null, setting.origin(), failure);
    } else {
      decision.unknownIf(null, setting);
    }
    return decision.verdict(pass);
  }
}
