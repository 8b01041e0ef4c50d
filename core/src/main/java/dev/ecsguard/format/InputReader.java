package dev.ecsguard.format;

import dev.ecsguard.model.Resource;
import dev.ecsguard.tree.Document;
import dev.ecsguard.tree.Node;
import java.util.List;
import java.util.Map;

/** One input format: turns a parsed document into model resources. */
public interface InputReader {

  /** Receives what a document holds. */
  interface Sink {
    /**
     * A resource, with labels that help find it beyond its id (a CDK construct path, say).
     */
    void resource(Resource resource, Map<String, String> labels);

    default void resource(Resource resource) {
      resource(resource, Map.of());
    }

    /** A resource and the suppressions written beside it in its source (CloudFormation Metadata, a Terraform comment). */
    default void resource(Resource resource, Map<String, String> labels, List<InlineSuppression> inline) {
      resource(resource, labels);
    }

    /** Something skipped, said so that the user knows it was not checked. */
    void note(Node where, String message);
  }

  /** Reads every resource in {@code document}; returns false when the document is not of this format. */
  boolean read(Document document, Sink sink);
}
