# Sourced by ./ecsguard, ./run-tests and .ci/run: finds a JDK 21 or newer and exports JAVA_HOME.
# ecsguard compiles with --release 21; this machine's default JDK may be older.

# The JDK's release file says its version without starting a JVM (which costs a launch ~80 ms).
java_major() {
  local version="" line
  if [ -f "$1/release" ]; then
    # Plain bash, no sed: this runs on every ./ecsguard start.
    while IFS= read -r line; do
      if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then version="${BASH_REMATCH[1]}"; break; fi
    done <"$1/release"
  fi
  [ -n "$version" ] || version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1)
  echo "${version%%.*}"
}

find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! ECSGUARD_JDK=$(find_jdk); then
  echo "ecsguard: needs a JDK 21 or newer; none found in JAVA_HOME or /usr/lib/jvm. Install one (e.g. apt-get install openjdk-21-jdk-headless) and set JAVA_HOME." >&2
  exit 2
fi
export JAVA_HOME="$ECSGUARD_JDK"
ECSGUARD_JAVA_MAJOR=$(java_major "$JAVA_HOME")
# Maven's own libraries use sun.misc.Unsafe; JDK 24+ warns about it on every run unless told otherwise.
if [ "$ECSGUARD_JAVA_MAJOR" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
