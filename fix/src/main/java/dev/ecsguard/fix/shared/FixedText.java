package dev.ecsguard.fix.shared;

import java.util.List;

/** A target's fixed text, with what the fix could not do, before the proof is made. */
public record FixedText(String text, List<String> instructions) {}
