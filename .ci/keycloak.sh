#!/usr/bin/env bash
# Local Keycloak for end-to-end tests (no Docker): fetched from Maven Central as
# org.keycloak:keycloak-quarkus-dist:<version>:zip, run with `kc.sh start-dev` (dev H2 database)
# and the realm keycloak/realm-export.json imported fresh on every start.
#
#   .ci/keycloak.sh start [ENV_FILE]   start (restarts a server this script started before),
#                                      set demo passwords, write ENV_FILE
#   .ci/keycloak.sh stop               stop the server started by `start`
#   .ci/keycloak.sh status             exit 0 if it is running and the realm answers
#
# ENV_FILE (default ${KEYCLOAK_ENV_FILE:-.ci/.keycloak.env}, gitignored) gets KEYCLOAK_URL,
# KEYCLOAK_REALM, KEYCLOAK_ISSUER, KEYCLOAK_DEMO_PASSWORD, KEYCLOAK_ZAAKSYSTEEM_SECRET,
# KEYCLOAK_ADMIN_USER, KEYCLOAK_ADMIN_PASSWORD and KEYCLOAK_PID; it can be `source`d.
#
# Environment knobs: KEYCLOAK_VERSION (26.5.6), KEYCLOAK_PORT (18080), KEYCLOAK_HOME_CACHE
# (unpacked distribution, default ~/.cache/privacyflow/keycloak-<version>), KEYCLOAK_RUN_DIR
# (pid + log, default .ci/.keycloak), KEYCLOAK_START_TIMEOUT (180 s), KEYCLOAK_JAVA_HOME
# (a JDK >= 21; detected in /usr/lib/jvm otherwise), KEYCLOAK_DEMO_PASSWORD (random otherwise).
# No secret is stored in the repository: the admin and demo passwords are generated per start.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.5.6}"
PORT="${KEYCLOAK_PORT:-18080}"
HOST=127.0.0.1
REALM=privacyflow
KC_URL="http://${HOST}:${PORT}"
KC_HOME="${KEYCLOAK_HOME_CACHE:-${HOME}/.cache/privacyflow/keycloak-${KEYCLOAK_VERSION}}"
RUN_DIR="${KEYCLOAK_RUN_DIR:-${REPO_ROOT}/.ci/.keycloak}"
PID_FILE="${RUN_DIR}/keycloak.pid"
LOG_FILE="${RUN_DIR}/keycloak.log"
REALM_FILE="${REPO_ROOT}/keycloak/realm-export.json"
START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-180}"
STOP_TIMEOUT=30
ARTIFACT="org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip"
DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"

log() { printf '[keycloak] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_ms() { date +%s%3N; }
phase_done() { # phase_done NAME START_MS
  local ms=$(( $(now_ms) - $2 ))
  log "$(printf '%-22s %4d.%03d s' "$1" $((ms / 1000)) $((ms % 1000)))"
}
random_secret() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

# --- processes ---------------------------------------------------------------------------------
# A pid counts as alive when it exists and is not a zombie (PID 1 here may not reap orphans).
alive() {
  local pid="$1" state
  [[ -n "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  state="$(awk '{print $3}' "/proc/${pid}/stat" 2>/dev/null || true)"
  [[ "$state" != "Z" ]]
}

# group_alive PGID: some non-zombie process of that process group still exists.
group_alive() {
  local f stat state ppid pgrp
  for f in /proc/[0-9]*/stat; do
    stat="$(cat "$f" 2>/dev/null)" || continue
    read -r state ppid pgrp _ <<<"${stat##*) }"
    [[ "$pgrp" == "$1" && "$state" != Z ]] && return 0
  done
  return 1
}

# kill_server PID: TERM to its process group (kc.sh + java), wait, then KILL. Only that group.
kill_server() {
  local pid="$1" waited=0
  group_alive "$pid" || alive "$pid" || return 0
  kill -TERM -- "-${pid}" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  while { group_alive "$pid" || alive "$pid"; } && (( waited < STOP_TIMEOUT * 10 )); do
    sleep 0.1; waited=$((waited + 1))
  done
  if group_alive "$pid" || alive "$pid"; then
    log "server ${pid} still running after ${STOP_TIMEOUT} s: sending KILL"
    kill -KILL -- "-${pid}" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    waited=0
    while { group_alive "$pid" || alive "$pid"; } && (( waited < 50 )); do sleep 0.1; waited=$((waited + 1)); done
  fi
  ! group_alive "$pid" && ! alive "$pid"
}

saved_pid() { [[ -f "$PID_FILE" ]] && tr -dc '0-9' <"$PID_FILE" || true; }

port_in_use() { (exec 3<>"/dev/tcp/${HOST}/${PORT}") 2>/dev/null; }

# --- Java --------------------------------------------------------------------------------------
java_major() { # java_major JAVA_HOME -> prints the feature version (17, 21, 25, ...)
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    awk -F'= ' '/java.specification.version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}

find_java_home() {
  local candidates=() dir major best="" best_major=0
  [[ -n "${KEYCLOAK_JAVA_HOME:-}" ]] && candidates+=("$KEYCLOAK_JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk*)
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/*)
  for dir in "${candidates[@]}"; do
    [[ -x "$dir/bin/java" ]] || continue
    major="$(java_major "$dir" || true)"
    [[ "$major" =~ ^[0-9]+$ ]] || continue
    (( major >= 21 )) || continue
    # An explicit KEYCLOAK_JAVA_HOME, then a 25 (preferred), wins; otherwise the newest >= 21.
    if [[ "$dir" == "${KEYCLOAK_JAVA_HOME:-}" || "$major" == 25 ]]; then best="$dir"; break; fi
    if (( major > best_major )); then best="$dir"; best_major="$major"; fi
  done
  [[ -n "$best" ]] || die "no JDK >= 21 found (looked at ${candidates[*]}); set KEYCLOAK_JAVA_HOME"
  printf '%s\n' "$best"
}

# --- distribution ------------------------------------------------------------------------------
ensure_distribution() {
  local marker="${KC_HOME}/.privacyflow-dist" t
  if [[ -f "$marker" && "$(cat "$marker")" == "$ARTIFACT" && -x "${KC_HOME}/bin/kc.sh" ]]; then
    log "distribution cached in ${KC_HOME}"
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found (needed to fetch ${ARTIFACT})"
  command -v unzip >/dev/null || die "unzip not found"
  local parent tmp
  parent="$(dirname "$KC_HOME")"
  mkdir -p "$parent"
  tmp="$(mktemp -d "${parent}/.keycloak-download.XXXXXX")"
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'; trap - RETURN" RETURN

  t=$(now_ms)
  # Resolves through the local Maven repository (~/.m2): a second run does not download again.
  if ! mvn -B -q "${DEPENDENCY_PLUGIN}:copy" -Dartifact="$ARTIFACT" -DoutputDirectory="$tmp" \
    -Dmdep.overWriteReleases=true >"$tmp/mvn.log" 2>&1; then
    cat "$tmp/mvn.log" >&2
    die "could not fetch ${ARTIFACT} with Maven"
  fi
  phase_done "maven fetch" "$t"

  t=$(now_ms)
  unzip -q "$tmp/keycloak-quarkus-dist-${KEYCLOAK_VERSION}.zip" -d "$tmp/unpacked"
  [[ -x "$tmp/unpacked/keycloak-${KEYCLOAK_VERSION}/bin/kc.sh" ]] || die "unexpected zip layout in ${ARTIFACT}"
  rm -rf "$KC_HOME"
  mv "$tmp/unpacked/keycloak-${KEYCLOAK_VERSION}" "$KC_HOME"
  printf '%s\n' "$ARTIFACT" >"$marker"
  phase_done "unpack" "$t"
}

# --- admin REST API ----------------------------------------------------------------------------
ADMIN_TOKEN=""
ADMIN_TOKEN_AT=0

json_get() { # json_get EXPR  (reads JSON on stdin, prints the JS expression over `j`)
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);const v=('"$1"');process.stdout.write(typeof v==="string"?v:JSON.stringify(v))})'
}

admin_token() { # refreshes the master-realm admin token when older than 40 s (lifespan is 60 s)
  if [[ -z "$ADMIN_TOKEN" ]] || (( $(date +%s) - ADMIN_TOKEN_AT > 40 )); then
    ADMIN_TOKEN="$(curl -sS --fail-with-body -X POST "${KC_URL}/realms/master/protocol/openid-connect/token" \
      --data-urlencode grant_type=password --data-urlencode client_id=admin-cli \
      --data-urlencode "username=${ADMIN_USER}" --data-urlencode "password=${ADMIN_PASSWORD}" |
      json_get 'j.access_token')" || die "could not get an admin token from the master realm"
    ADMIN_TOKEN_AT=$(date +%s)
  fi
}

admin_api() { # admin_api METHOD PATH [JSON_BODY]
  admin_token
  local args=(-sS --fail-with-body -X "$1" -H "Authorization: Bearer ${ADMIN_TOKEN}")
  [[ $# -ge 3 ]] && args+=(-H 'Content-Type: application/json' --data-binary "$3")
  curl "${args[@]}" "${KC_URL}/admin/realms/${REALM}$2"
}

configure_realm() {
  local users id username count=0 body
  admin_token # in this shell, so the $(...) subshells below reuse it
  users="$(admin_api GET '/users?max=10000&briefRepresentation=true' |
    json_get 'j.filter(u=>!u.username.startsWith("service-account-")).map(u=>u.id+" "+u.username).join("\n")')"
  [[ -n "$users" ]] || die "realm ${REALM} has no users: did the import run?"
  body="$(PW="$DEMO_PASSWORD" node -e 'process.stdout.write(JSON.stringify({type:"password",temporary:false,value:process.env.PW}))')"
  local urls=() out
  while read -r id username; do
    urls+=("${KC_URL}/admin/realms/${REALM}/users/${id}/reset-password")
  done <<<"$users"
  # One curl, 4 transfers in parallel (password hashing dominates; ~65 ms each sequentially).
  admin_token
  out="$(curl -sS --no-progress-meter -Z --parallel-max 4 -X PUT -H "Authorization: Bearer ${ADMIN_TOKEN}" \
    -H 'Content-Type: application/json' --data-binary "$body" \
    -w '\n@@ %{http_code} %{url_effective}\n' "${urls[@]}" || true)"
  count="$(grep -c '^@@ 204 ' <<<"$out" || true)"
  if (( count != ${#urls[@]} )); then
    printf '%s\n' "$out" | tail -n 20 >&2
    die "password set for only ${count} of ${#urls[@]} demo users"
  fi
  log "password set for ${count} demo users"

  local client_uuid
  client_uuid="$(admin_api GET '/clients?clientId=zaaksysteem' | json_get 'j.length===1?j[0].id:""')"
  [[ -n "$client_uuid" ]] || die "client zaaksysteem not found in realm ${REALM}"
  ZAAKSYSTEEM_SECRET="$(admin_api GET "/clients/${client_uuid}/client-secret" | json_get 'j.value||""')"
  [[ -n "$ZAAKSYSTEEM_SECRET" ]] || die "client zaaksysteem has no secret"
}

# --- commands ----------------------------------------------------------------------------------
START_OK=0
SERVER_PID=""

on_start_exit() {
  local rc=$?
  if [[ "$START_OK" != 1 ]]; then
    log "start failed (exit ${rc}); last 50 lines of ${LOG_FILE}:"
    [[ -f "$LOG_FILE" ]] && tail -n 50 "$LOG_FILE" >&2 || true
    if [[ -n "$SERVER_PID" ]]; then
      kill_server "$SERVER_PID" || true
      rm -f "$PID_FILE"
    fi
    (( rc != 0 )) || rc=1
  fi
  exit "$rc"
}

cmd_start() {
  local env_file="${1:-${KEYCLOAK_ENV_FILE:-${REPO_ROOT}/.ci/.keycloak.env}}"
  local t_total t java_home
  t_total=$(now_ms)
  command -v curl >/dev/null || die "curl not found"
  command -v node >/dev/null || die "node not found"
  [[ -f "$REALM_FILE" ]] || die "${REALM_FILE} missing: run node keycloak/generate-realm.mjs"
  mkdir -p "$RUN_DIR"

  # Idempotent: a server that this script started before is stopped first (fresh import).
  local old_pid
  old_pid="$(saved_pid)"
  if [[ -n "$old_pid" ]] && { alive "$old_pid" || group_alive "$old_pid"; }; then
    log "stopping the previous server (pid ${old_pid})"
    kill_server "$old_pid" || die "could not stop the previous server (pid ${old_pid})"
  fi
  rm -f "$PID_FILE"
  port_in_use && die "port ${PORT} on ${HOST} is already in use by another process (set KEYCLOAK_PORT)"

  t=$(now_ms)
  java_home="$(find_java_home)"
  log "Keycloak ${KEYCLOAK_VERSION}, Java $(java_major "$java_home") from ${java_home}"
  ensure_distribution
  phase_done "distribution ready" "$t"

  # Fresh data dir each run: the H2 dev database is recreated and the realm imported again.
  t=$(now_ms)
  rm -rf "${KC_HOME}/data"
  mkdir -p "${KC_HOME}/data/import"
  cp "$REALM_FILE" "${KC_HOME}/data/import/${REALM}-realm.json"

  ADMIN_USER="${KEYCLOAK_ADMIN_USER:-pf-admin}"
  ADMIN_PASSWORD="$(random_secret)"
  DEMO_PASSWORD="${KEYCLOAK_DEMO_PASSWORD:-$(random_secret)}"
  [[ "$DEMO_PASSWORD" =~ ^[A-Za-z0-9._~+-]{8,}$ ]] ||
    die "KEYCLOAK_DEMO_PASSWORD must be >= 8 characters of [A-Za-z0-9._~+-] (it is written unquoted to the env file)"

  trap on_start_exit EXIT
  : >"$LOG_FILE"
  # setsid: own process group, so `stop` can signal kc.sh and its java child together.
  # --cache=local: no cluster discovery; --hostname pins the issuer to ${KC_URL}.
  (
    cd "$KC_HOME"
    export JAVA_HOME="$java_home"
    export PATH="${java_home}/bin:${PATH}"
    export KC_BOOTSTRAP_ADMIN_USERNAME="$ADMIN_USER"
    export KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD"
    unset JAVA_OPTS
    # JDK >= 23 warns about Netty's sun.misc.Unsafe use on every start; allow it quietly.
    if (( $(java_major "$java_home") >= 23 )); then
      export JAVA_OPTS_APPEND="--sun-misc-unsafe-memory-access=allow ${JAVA_OPTS_APPEND:-}"
    fi
    exec setsid ./bin/kc.sh start-dev \
      --http-host="$HOST" --http-port="$PORT" \
      --hostname="$KC_URL" \
      --cache=local \
      --import-realm
  ) >>"$LOG_FILE" 2>&1 </dev/null &
  SERVER_PID=$!
  printf '%s\n' "$SERVER_PID" >"$PID_FILE"
  log "server pid ${SERVER_PID}, log ${LOG_FILE}"

  local url="${KC_URL}/realms/${REALM}/.well-known/openid-configuration" code deadline
  deadline=$(( $(date +%s) + START_TIMEOUT ))
  while :; do
    alive "$SERVER_PID" || die "Keycloak exited during start-up"
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)"
    [[ "$code" == 200 ]] && break
    (( $(date +%s) < deadline )) || die "Keycloak did not answer 200 on ${url} within ${START_TIMEOUT} s (last: ${code})"
    sleep 0.5
  done
  phase_done "server start" "$t"

  t=$(now_ms)
  configure_realm
  phase_done "admin configuration" "$t"

  mkdir -p "$(dirname "$env_file")"
  (
    umask 077
    cat >"$env_file" <<EOF
KEYCLOAK_URL=${KC_URL}
KEYCLOAK_REALM=${REALM}
KEYCLOAK_ISSUER=${KC_URL}/realms/${REALM}
KEYCLOAK_DEMO_PASSWORD=${DEMO_PASSWORD}
KEYCLOAK_ZAAKSYSTEEM_SECRET=${ZAAKSYSTEEM_SECRET}
KEYCLOAK_ADMIN_USER=${ADMIN_USER}
KEYCLOAK_ADMIN_PASSWORD=${ADMIN_PASSWORD}
KEYCLOAK_PID=${SERVER_PID}
EOF
  )
  START_OK=1
  trap - EXIT
  log "env written to ${env_file}"
  phase_done "total" "$t_total"
  log "Keycloak ${KEYCLOAK_VERSION} ready at ${KC_URL}/realms/${REALM}"
}

cmd_stop() {
  local pid
  pid="$(saved_pid)"
  if [[ -z "$pid" ]]; then
    log "not running (no ${PID_FILE})"
    return 0
  fi
  if alive "$pid" || group_alive "$pid"; then
    local t
    t=$(now_ms)
    kill_server "$pid" || die "could not stop pid ${pid}"
    phase_done "stopped pid ${pid}" "$t"
  else
    log "pid ${pid} was not running"
  fi
  rm -f "$PID_FILE"
}

cmd_status() {
  local pid
  pid="$(saved_pid)"
  if [[ -n "$pid" ]] && alive "$pid" &&
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${KC_URL}/realms/${REALM}/.well-known/openid-configuration" || true)" == 200 ]]; then
    log "running (pid ${pid}) at ${KC_URL}"
    return 0
  fi
  log "not running"
  return 1
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 start [ENV_FILE] | stop | status" >&2; exit 2 ;;
esac
