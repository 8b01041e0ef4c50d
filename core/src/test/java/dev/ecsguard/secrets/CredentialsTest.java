package dev.ecsguard.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.secrets.Credentials.Credential;
import dev.ecsguard.secrets.Credentials.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The credential rules of ECSG.5 and ECSG.6: what they recognise, and the near misses they leave
 * alone.
 */
class CredentialsTest {
  static final String JWT =
      base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")
          + "."
          + base64("{\"sub\":\"1234567890\"}")
          + ".c2lnbmF0dXJlLXBhcnQ";
  static final String PEM =
      "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo\n4lgOEePzNm0tRgeLezV6ffAt0gunVTLw\n-----END RSA PRIVATE KEY-----";

  static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void valueFormatsAreRecognisedWhateverTheName() {
    assertKind("AKIAIOSFODNN7EXAMPLE", Kind.AWS_ACCESS_KEY_ID);
    assertKind("ASIAY34FZKBOKMUTVV7A", Kind.AWS_ACCESS_KEY_ID);
    assertKind(PEM, Kind.PRIVATE_KEY);
    assertKind(
        "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----", Kind.PRIVATE_KEY);
    assertKind("ghp_" + "a".repeat(20) + "B".repeat(16), Kind.GITHUB_TOKEN);
    assertKind("ghs_" + "0123456789".repeat(3) + "abcdef", Kind.GITHUB_TOKEN);
    assertKind("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", Kind.GITHUB_TOKEN);
    assertKind("glpat-abcdefghij0123456789", Kind.GITLAB_TOKEN);
    assertKind("xoxb-1234567890-abcdefghij", Kind.SLACK_TOKEN);
    assertKind("sk_live_4eC39HqLyjWDarjtT1zdp7dc", Kind.STRIPE_LIVE_KEY);
    assertKind("rk_live_4eC39HqLyjWDarjtT1zdp7dc", Kind.STRIPE_LIVE_KEY);
    assertKind(
        "AIza" + "SyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY".substring(0, 35), Kind.GOOGLE_API_KEY);
    assertKind(JWT, Kind.JWT);
    assertThat(
            Credentials.inVariable(
                "DATABASE_URL", "postgres://app:s3cr3tpass@db.internal:5432/app"))
        .hasValueSatisfying(found -> assertThat(found.kind()).isEqualTo(Kind.URL_WITH_PASSWORD));
    assertThat(Credentials.inText("connect to postgres://app:s3cr3tpass@db.internal/app now"))
        .extracting(Credential::value)
        .containsExactly("s3cr3tpass");
    assertThat(Credentials.inText("key AKIAIOSFODNN7EXAMPLE in a sentence"))
        .extracting(Credential::value)
        .containsExactly("AKIAIOSFODNN7EXAMPLE");
  }

  private static void assertKind(String value, Kind kind) {
    assertThat(Credentials.inVariable("HARMLESS", value))
        .hasValueSatisfying(
            found -> {
              assertThat(found.kind()).isEqualTo(kind);
              assertThat(found.value()).isEqualTo(value);
              assertThat(found.toString())
                  .doesNotContain(
                      value); // a credential found may be logged or printed: it names the kind only
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AKIAIOSFODNN7EXAMPL", // 15 after the prefix
        "AKIAIOSFODNN7EXAMPLEX", // 17
        "akiaiosfodnn7example",
        "ghp_tooshort",
        "glpat-short",
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "eyJub3QiOiJhIGp3dCJ9.eyJzdWIiOiIxIn0.c2ln", // header without alg
        "api.example.com.",
        "postgres://app:${DB_PASSWORD}@db.internal/app",
        "postgres://app:$DB_PASSWORD@db.internal/app",
        "https://example.com/path?x=a:b@c",
        "https://user@example.com",
        "/etcd/data/member",
      })
  void nearMissesOfTheFormatsAreNotCredentials(String value) {
    assertThat(Credentials.inVariable("HARMLESS", value)).isEmpty();
    assertThat(Credentials.inText(value)).isEmpty();
  }

  @Test
  void secretLikeNamesWithLiteralValues() {
    assertThat(Credentials.inVariable("DB_PASSWORD", "correct-horse"))
        .hasValueSatisfying(
            found -> {
              assertThat(found.kind()).isEqualTo(Kind.LITERAL_PASSWORD);
              assertThat(found.kind()).hasToString("a literal password");
            });
    assertThat(Credentials.inVariable("aws_secret_access_key", "wJalrXUtnFEMI/K7MDENG"))
        .map(Credential::kind)
        .hasValue(Kind.LITERAL_SECRET);
    assertThat(Credentials.inVariable("api-key", "0123abcd4567"))
        .map(Credential::kind)
        .hasValue(Kind.LITERAL_API_KEY);
    assertThat(Credentials.inVariable("client.secret", "abcdefgh"))
        .map(Credential::kind)
        .hasValue(Kind.LITERAL_SECRET);
    assertThat(Credentials.inVariable("GITHUB_TOKEN", "abcdefgh"))
        .map(Credential::kind)
        .hasValue(Kind.LITERAL_TOKEN);
    assertThat(Credentials.inVariable("PGPASSWORD", "abcdefgh"))
        .map(Credential::kind)
        .hasValue(Kind.LITERAL_PASSWORD);
    assertThat(Credentials.inVariable("dbPasswd", "abcdefgh"))
        .map(Credential::kind)
        .hasValue(Kind.LITERAL_PASSWORD);
    assertThat(Credentials.inVariable("SERVICE_CREDENTIALS", "user1:pass1"))
        .map(Credential::kind)
        .hasValue(Kind.LITERAL_CREDENTIAL);
    assertThat(Credentials.inVariable("JWT_PRIVATE_KEY", "abcdefgh"))
        .map(Credential::kind)
        .hasValue(Kind.LITERAL_PRIVATE_KEY);
    assertThat(Credentials.inVariable("S3_ACCESS_KEY", "abcdefgh"))
        .map(Credential::kind)
        .hasValue(Kind.LITERAL_ACCESS_KEY);
    assertThat(Credentials.inVariable("AWS_SECRET_ACCESS_KEY", "short"))
        .map(Credential::kind)
        .hasValue(Kind.ECS8_NAME);
    assertThat(Credentials.inVariable("ECS_ENGINE_AUTH_DATA", "{}"))
        .map(Credential::kind)
        .hasValue(Kind.ECS8_NAME);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${DB_PASSWORD}",
        "$DB_PASSWORD",
        "{{resolve:secretsmanager:db:SecretString:password}}",
        "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db",
        "<your password here>",
        "short",
        "true",
        "false",
        "12345678",
        "3.14159265",
        ""
      })
  void referencesShortValuesBooleansAndNumbersAreNotLiteralSecrets(String value) {
    assertThat(Credentials.inVariable("DB_PASSWORD", value)).isEmpty();
    assertThat(Credentials.inLabel("db.password", value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SECRETARY",
        "TOKENIZER_MODE",
        "KEY",
        "API",
        "PRIVATE",
        "ACCESS_KEYS_ROTATED",
        "PASSWORDLESS",
        "SECRETS_REGION",
        "POSTGRES_PASSWORD_FILE", // names where a credential is kept (public task definitions)
        "PUBLISHER_TOKEN_URL",
        "MLFLOW_AWS_SECRET_NAME",
        "TANK_OPERATOR_TOKEN_PATH",
        "DB_SECRET_ARN",
        "com.example.password-file"
      })
  void namesThatOnlyLookSecretAreNot(String name) {
    assertThat(Credentials.isSecretLike(name)).as(name).isFalse();
  }

  @Test
  void aFilePathUnderASecretLikeNameIsWhereTheCredentialIsNotTheCredential() {
    assertThat(Credentials.inVariable("GOOGLE_APPLICATION_CREDENTIALS", "/secrets/gcloud/key.json"))
        .isEmpty();
    assertThat(Credentials.inVariable("DB_PASSWORD", "./run/secrets/db")).isEmpty();
    assertThat(Credentials.inVariable("DB_PASSWORD", "/not a path/with spaces")).isPresent();
    assertThat(Credentials.inVariable("DB_PASSWORD", "postgres://app:pw-in-url@db/app"))
        .isPresent(); // a URL is no path
  }

  @Test
  void commandFlagsAndAssignments() {
    assertThat(values("mysqld", "--password=hunter2hunter2")).containsExactly("hunter2hunter2");
    assertThat(values("mysqld", "--password", "hunter2hunter2")).containsExactly("hunter2hunter2");
    assertThat(values("cli", "--token=abcd", "--secret", "wxyz1", "--api-key=k3y-value"))
        .containsExactly("abcd", "wxyz1", "k3y-value");
    assertThat(values("sh", "-c", "PGPASSWORD=s3cr3tpass psql -h db"))
        .containsExactly("s3cr3tpass");
    assertThat(values("sh", "-c", "mysql --password='quoted-pass' db"))
        .containsExactly("quoted-pass");
    assertThat(values("sh", "-c", "curl -H 'Authorization: Bearer " + JWT + "' https://api"))
        .containsExactly(JWT);
    assertThat(Credentials.inCommand(List.of("--password=hunter22")))
        .extracting(Credential::kind)
        .containsExactly(Kind.LITERAL_PASSWORD);
  }

  @Test
  void aFlagWhoseValueHasAFormatIsOneCredentialOfThatFormat() {
    assertThat(Credentials.inCommand(List.of("/agent", "--token", "xoxb-1234567890-abcdefghij")))
        .extracting(Credential::kind)
        .containsExactly(Kind.SLACK_TOKEN);
    assertThat(Credentials.inCommand(List.of("PGPASSWORD=AKIAIOSFODNN7EXAMPLE psql")))
        .extracting(Credential::kind)
        .containsExactly(Kind.AWS_ACCESS_KEY_ID);
  }

  @Test
  void computedFlagValuesAreTheElementsAfterAFlagThatEndsItsElement() {
    assertThat(Credentials.computedFlagValues(Arrays.asList("mysqld", "--password", null)))
        .containsExactly(2);
    assertThat(Credentials.computedFlagValues(Arrays.asList("run --token", null, "x")))
        .containsExactly(1);
    assertThat(Credentials.computedFlagValues(Arrays.asList("app", "--mode", null))).isEmpty();
    assertThat(Credentials.computedFlagValues(Arrays.asList("--password=abcd", null))).isEmpty();
  }

  @Test
  void aQuotedValueWithSpacesIsOneWord() {
    assertThat(values("mysqld", "--password='correct horse battery'"))
        .containsExactly("correct horse battery");
    assertThat(values("mysqld", "--password=\"two words\"")).containsExactly("two words");
    assertThat(values("cli", "--api-key", "Quoted Key Value"))
        .containsExactly("Quoted Key Value"); // an element is one argument
    assertThat(values("sh", "-c", "mysql --password 'pass with spaces' db"))
        .containsExactly("pass with spaces");
    assertThat(values("sh -c \"PGPASSWORD=\\\"two words here\\\" psql\""))
        .contains("two words here");
    assertThat(values("sh", "-c", "PGPASSWORD=\"esc\\\"aped quote\" psql"))
        .containsExactly("esc\"aped quote");
    assertThat(values("sh", "-c", "mysql --password 'unclosed pass"))
        .containsExactly("unclosed pass");
  }

  @Test
  void commandNearMisses() {
    assertThat(values("mysqld", "--password=abc")).isEmpty(); // fewer than 4 characters
    assertThat(values("mysqld", "--password", "abc")).isEmpty();
    assertThat(values("mysqld", "--password=${DB_PASSWORD}", "--token", "$TOKEN")).isEmpty();
    assertThat(values("sh", "-c", "PGPASSWORD=$DB_PASSWORD psql")).isEmpty();
    assertThat(values("sh", "-c", "PGPASSWORD=short psql")).isEmpty();
    assertThat(values("etcd", "--data-dir=/etcd", "--password-file=/run/secrets/pw")).isEmpty();
    assertThat(values("app", "--password")).isEmpty();
    assertThat(Credentials.inCommand(Arrays.asList("--password", null, "psql-client")))
        .isEmpty(); // a computed value is no literal
  }

  @Test
  void dockerLabels() {
    assertThat(Credentials.inLabel("com.example.password", "hunter2hunter2"))
        .map(Credential::kind)
        .hasValue(Kind.LITERAL_PASSWORD);
    assertThat(Credentials.inLabel("traefik.http.routers.api.rule", "Host(`x`)")).isEmpty();
    assertThat(Credentials.inLabel("deploy.key", "AKIAIOSFODNN7EXAMPLE"))
        .map(Credential::kind)
        .hasValue(Kind.AWS_ACCESS_KEY_ID);
  }

  @Test
  void maskHidesEveryValueFormatInAText() {
    assertThat(Credentials.maskFormats("user is \"AKIAIOSFODNN7EXAMPLE\" and " + JWT))
        .isEqualTo("user is \"" + Credentials.MASK + "\" and " + Credentials.MASK);
    assertThat(Credentials.maskFormats("runs as root (user is \"root\")"))
        .isEqualTo("runs as root (user is \"root\")");
  }

  private static List<String> values(String... command) {
    return Credentials.inCommand(List.of(command)).stream().map(Credential::value).toList();
  }
}
