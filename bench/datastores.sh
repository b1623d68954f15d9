#!/usr/bin/env bash
# 50 postgres and 50 redis checks through the engine against a local PostgreSQL (embedded, from the
# test dependencies) and redis-server (apt-get install redis-server): wall time per run and the
# connections opened. The first run of the JVM pays class loading and the connections; later runs
# reuse the pooled connections. Usage: bench/datastores.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh
golive_find_jdk
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt >/dev/null
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  io.golive.bench.DatastoreBench "${1:-5}"
