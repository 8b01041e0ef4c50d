package dev.ecsguard.guardrail.deploy;

import dev.ecsguard.aws.session.AwsCallException;
import dev.ecsguard.guardrail.GuardrailException;
import dev.ecsguard.tree.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The deployment package put in S3 under a key named by its content ({@code
 * ecsguard/guardrail-<sha256 prefix>.jar}): new code is a new key, so the stack publishes a new
 * version (and SnapStart a new snapshot); the same code is not sent twice.
 */
public final class CodeUpload {
  private CodeUpload() {}

  /** The package's key: its SHA-256's first 16 hex digits. */
  public static String key(Path jar) throws GuardrailException {
    if (!Files.isRegularFile(jar, LinkOption.NOFOLLOW_LINKS)) {
      throw new GuardrailException(
          jar + ": no such regular file (build it: mvn -q -pl guardrail -am package -DskipTests)");
    }
    try (InputStream in = Files.newInputStream(jar)) {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        sha256.update(buffer, 0, read);
      }
      return "ecsguard/guardrail-"
          + HexFormat.of().formatHex(sha256.digest()).substring(0, 16)
          + ".jar";
    } catch (IOException e) {
      throw new GuardrailException(jar + ": cannot read it: " + Problems.describe(e), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Whether {@code bucket} holds {@code key} already (HeadObject: a read). */
  public static boolean present(S3Client s3, String bucket, String key) throws GuardrailException {
    try {
      s3.headObject(request -> request.bucket(bucket).key(key));
      return true;
    } catch (RuntimeException e) {
      // A HEAD answer has no body: a missing key is a bare 404.
      if (e instanceof NoSuchKeyException
          || (e instanceof S3Exception answer && answer.statusCode() == 404)) {
        return false;
      }
      throw failed("s3:HeadObject", bucket, key, e);
    }
  }

  public static void put(S3Client s3, String bucket, String key, Path jar)
      throws GuardrailException {
    try {
      s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromFile(jar));
    } catch (RuntimeException e) {
      throw failed("s3:PutObject", bucket, key, e);
    }
  }

  /** A failed S3 call, named as every AWS call of ecsguard is, with the object it was about. */
  private static GuardrailException failed(
      String call, String bucket, String key, RuntimeException e) {
    return new GuardrailException(
        AwsCallException.of(call, e).getMessage() + " (s3://" + bucket + "/" + key + ")", e);
  }
}
