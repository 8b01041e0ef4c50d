package dev.ecsguard.input;

import dev.ecsguard.model.Resource;
import dev.ecsguard.source.Document;
import dev.ecsguard.source.Node;

/** One input format: turns a parsed document into model resources. */
public interface InputReader {

  /** Receives what a document holds. */
  interface Sink {
    void resource(Resource resource);

    /** Something skipped, said so that the user knows it was not checked. */
    void note(Node where, String message);
  }

  /** Reads every resource in {@code document}; returns false when the document is not of this format. */
  boolean read(Document document, Sink sink);
}
