package dev.ecsguard.engine;

import dev.ecsguard.tree.InputException;

/** Receives a scan's results as they come, so that nothing needs to hold a whole scan in memory. */
public interface ScanListener {
  void finding(Finding finding);

  void note(Note note);

  /** An input that could not be read; the scan goes on with the others. */
  void error(InputException error);

  /** Called once per file read, with the number of resources found in it. */
  default void fileScanned(String file, int resources) {}
}
