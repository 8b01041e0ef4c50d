package dev.ecsguard.cli;

import picocli.CommandLine.Command;

/** {@code ecsguard guardrail}: the guardrail inside AWS, tried, printed and deployed from here. */
@Command(
    name = "guardrail",
    description =
        "The guardrail inside AWS: a CloudFormation hook, an AWS Config rule and an EventBridge handler on one engine, and the SCP that prevents what condition keys can.",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class)
final class GuardrailCommand {}
