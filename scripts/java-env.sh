# Sourced by ./ecsguard, ./run-tests and .ci/run: finds a JDK 21 or newer and exports JAVA_HOME.
# ecsguard compiles with --release 21; this machine's default JDK may be older.
# Plain bash, no subshells or sed where it can be helped: this runs on every ./ecsguard start.

# Sets java_major_found to the JDK's major version. Its release file says it without starting a
# JVM (a launch costs ~80 ms); a JDK without one is asked.
java_major() {
  local line
  java_major_found=""
  if [ -f "$1/release" ]; then
    while IFS= read -r line; do
      if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then java_major_found="${BASH_REMATCH[1]}"; break; fi
    done <"$1/release"
  fi
  if [ -z "$java_major_found" ]; then
    java_major_found=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1)
    java_major_found="${java_major_found%%.*}"
  fi
}

ECSGUARD_JDK=""
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
  [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
  java_major "$candidate"
  if [ -n "$java_major_found" ] && [ "$java_major_found" -ge 21 ] 2>/dev/null; then
    ECSGUARD_JDK="$candidate"
    ECSGUARD_JAVA_MAJOR="$java_major_found"
    break
  fi
done
if [ -z "$ECSGUARD_JDK" ]; then
  echo "ecsguard: needs a JDK 21 or newer; none found in JAVA_HOME or /usr/lib/jvm. Install one (e.g. apt-get install openjdk-21-jdk-headless) and set JAVA_HOME." >&2
  exit 2
fi
export JAVA_HOME="$ECSGUARD_JDK"
# Maven's own libraries use sun.misc.Unsafe; JDK 24+ warns about it on every run unless told otherwise.
if [ "$ECSGUARD_JAVA_MAJOR" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
