#!/usr/bin/env bash
# Wall time of `golive import` and `golive check` on seed 002 (272 items), JVM start included,
# then the in-process JMH import time per seed. Needs hyperfine (apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh
golive_find_jdk
seed=$(ls ../shared/seeds/002_* | head -n 1)
./golive --version >/dev/null   # build the jar and the class-data archive once
hyperfine --warmup 3 --runs 20 --export-markdown /dev/stdout \
  "./golive import $seed" \
  "./golive check $seed --format json" \
  "./golive check $seed"  || true
# JMH: in-process import of each seed.
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt >/dev/null
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.openjdk.jmh.Main ImportBenchmark -rf text -rff target/jmh-import.txt
