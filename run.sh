#!/usr/bin/env bash
# Brings the whole platform up on this machine: Kafka, three Mongo wire-protocol stores, a dev token issuer,
# the services and the gateway, each in its own JVM. Needs only a JDK 17+ and Maven; Ctrl-C stops everything.
#
#   ./run.sh                       build what is stale, start everything
#   ./run.sh --only kafka,mongo-news,token-issuer
#   ./run.sh --fresh               start from an empty data dir (.local-data)
#   ./run.sh --no-build            skip the build check
#   ./run.sh --help                all options
#
# MVN overrides the Maven command (e.g. MVN="mvn -o" offline).
set -euo pipefail

now_ms() { date +%s%3N; }
LOCAL_STACK_T0_MS="$(now_ms)" # the launcher's elapsed times count from here
export LOCAL_STACK_T0_MS
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"

readonly APPLICATIONS=(agreement-service news-service techtransfer-service gateway)
readonly LIBRARIES=(event-contracts platform-commons)
readonly VERSION=0.1.0-SNAPSHOT
readonly LAUNCHER_JAR=local-stack/launcher/target/local-stack-$VERSION.jar

build=true
help=false
only=""
args=()
while (($#)); do
  case "$1" in
    --no-build) build=false ;;
    -h | --help) help=true; args+=("$1") ;;
    --only=*) only="${1#--only=}"; args+=("$1") ;;
    --only)
      args+=("$1")
      if (($# > 1)); then only="$2"; args+=("$2"); shift; fi
      ;;
    *) args+=("$1") ;;
  esac
  shift
done

java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$java_cmd" >/dev/null; then
  echo "run.sh: no java found: install a JDK 17+ (or set JAVA_HOME)" >&2
  exit 1
fi
java_version="$("$java_cmd" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
if ((${java_version%%.*} < 17)); then
  echo "run.sh: $java_cmd is Java $java_version; the platform needs Java 17 or newer (set JAVA_HOME)" >&2
  exit 1
fi

# Prints why a module must be built (empty when its artifact is up to date).
# usage: stale_reason ARTIFACT INPUT...   (inputs that do not exist are ignored)
stale_reason() {
  local artifact=$1 inputs=() input newer
  shift
  if [[ ! -e $artifact ]]; then
    echo "$artifact is missing"
    return
  fi
  for input in "$@"; do [[ -e $input ]] && inputs+=("$input"); done
  ((${#inputs[@]})) || return 0
  newer="$(find "${inputs[@]}" -type f -newer "$artifact" -print -quit)"
  if [[ -n $newer ]]; then echo "$newer changed since $artifact was built"; fi
}

wanted_applications=()
if ! $help; then
  for app in "${APPLICATIONS[@]}"; do
    if [[ -z $only || ",$only," == *",$app,"* ]]; then wanted_applications+=("$app"); fi
  done
fi

if $build; then
  modules=()   # what to build,
  artifacts=() # what it produces,
  reasons=()   # and why it is built
  needs_build() {
    local module=$1 artifact=$2 reason
    shift 2
    reason="$(stale_reason "$artifact" "$@")"
    if [[ -n $reason ]]; then modules+=("$module"); artifacts+=("$artifact"); reasons+=("$reason"); fi
  }

  if [[ ! -d local-stack/launcher/target/lib ]]; then
    modules+=(local-stack/launcher); artifacts+=("$LAUNCHER_JAR"); reasons+=("local-stack/launcher/target/lib is missing")
  else
    needs_build local-stack/launcher "$LAUNCHER_JAR" local-stack/launcher/src local-stack/launcher/pom.xml pom.xml
  fi
  if ! $help; then
    needs_build local-stack/kafka-broker local-stack/kafka-broker/target/lib local-stack/kafka-broker/pom.xml
  fi
  library_inputs=(pom.xml)
  for library in "${LIBRARIES[@]}"; do library_inputs+=("$library/src" "$library/pom.xml"); done
  for app in ${wanted_applications[@]+"${wanted_applications[@]}"}; do
    needs_build "$app" "$app/target/$app-$VERSION.jar" "$app/src" "$app/pom.xml" "${library_inputs[@]}"
  done

  if ((${#modules[@]})); then
    echo "run.sh: building ${modules[*]}"
    for i in "${!modules[@]}"; do echo "  ${modules[$i]}: ${reasons[$i]}"; done
    if [[ ! -d $HOME/.m2/repository/org/springframework/boot ]]; then
      echo "  (first build: Maven downloads about 300 MB of dependencies, this takes a few minutes)"
    fi
    read -r -a mvn_cmd <<<"${MVN:-mvn}"
    started="$(now_ms)"
    # sed: Maven 3.8 writes stray colour resets even in batch mode
    if ! "${mvn_cmd[@]}" -B -q -DskipTests package -pl "$(IFS=,; echo "${modules[*]}")" -am 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g'; then
      echo "run.sh: the build failed (see above). Fix it, start a subset with --only, or skip the build with --no-build." >&2
      exit 1
    fi
    # the jar plugin leaves an up-to-date jar untouched: mark what was built as current
    for artifact in "${artifacts[@]}"; do [[ -e $artifact ]] && touch "$artifact"; done
    echo "run.sh: built in $((($(now_ms) - started) / 1000)) s"
  else
    echo "run.sh: build up to date (--no-build skips this check)"
  fi
fi

if [[ ! -f $LAUNCHER_JAR ]]; then
  echo "run.sh: $LAUNCHER_JAR is missing: run without --no-build" >&2
  exit 1
fi
exec "$java_cmd" -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -cp "$LAUNCHER_JAR:local-stack/launcher/target/lib/*" \
  org.yrd.platform.localstack.LocalStack ${args[@]+"${args[@]}"}
