# Sourced by ./golive, ./run-tests and .ci/run: exports JAVA_HOME pointing at a JDK of 21 or newer.
# Order: $JAVA_HOME when it is new enough, then the newest JDK under /usr/lib/jvm.
golive_java_major() {
  # The JDK's release file names its version without starting a JVM (fast); fall back to asking it.
  local v=""
  [ -f "$1/release" ] && v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n 1)
  [ -n "$v" ] || v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)
  echo "$v"
}

golive_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(golive_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ]; then
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(golive_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "golive: no JDK 21 or newer found (set JAVA_HOME, or install one under /usr/lib/jvm)" >&2
    return 1
  fi
  export JAVA_HOME=$best
}
