package dev.ecsguard.control;

/**
 * A change a remedy makes only when the user agrees to it, because the workload may depend on what
 * it removes; without it, the remedy leaves a step instead. Each is one command-line flag, which
 * those steps name.
 */
public enum Consent {
  /** ECS.3's host pid mode and ECSG.4's host IPC mode go; ECS.17's host network becomes awsvpc. */
  NETWORK_CHANGE("--allow-network-change"),
  /** ECSG.2's forbidden capabilities leave capabilities.add. */
  CAPABILITY_DROP("--allow-capability-drop"),
  /** ECSG.9's host devices leave linuxParameters.devices. */
  DEVICE_REMOVAL("--allow-device-removal"),
  /** ECSG.10's confinement-disabling entries leave dockerSecurityOptions. */
  SECURITY_OPTION_REMOVAL("--allow-security-option-removal");

  private final String flag;

  Consent(String flag) {
    this.flag = flag;
  }

  /** The command-line flag that gives it. */
  public String flag() {
    return flag;
  }
}
