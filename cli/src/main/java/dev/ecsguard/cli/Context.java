package dev.ecsguard.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What the commands need from the process, passed in so tests run them in-process.
 *
 * @param terminal whether standard output is a terminal (colour is only ever used there)
 * @param errorTerminal whether standard error is a terminal (a live scan's progress line is redrawn
 *     in place there, and logged every 10 s elsewhere)
 */
public record Context(
    InputStream in,
    PrintWriter out,
    PrintWriter err,
    Map<String, String> environment,
    boolean terminal,
    boolean errorTerminal) {}
