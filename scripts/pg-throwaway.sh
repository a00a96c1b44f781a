#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: a temp dir, a random free port on 127.0.0.1, trust
# auth, no durability (fsync off). Nothing outside the temp dir is touched, except that the
# PostgreSQL server package is installed with apt when its binaries are missing.
#
#   eval "$(scripts/pg-throwaway.sh start)"   # exports DATABASE_URL and PG_THROWAWAY_DIR
#   npm run test:pg
#   scripts/pg-throwaway.sh stop              # stops it and removes the temp dir
#
# `start` prints only `export ...` lines on stdout (progress goes to stderr), so it can be
# eval'ed. In a script, keep its exit status (`eval "$(...)"` alone succeeds even when start
# fails):  pg_env="$(scripts/pg-throwaway.sh start)" && eval "$pg_env" `stop` takes the dir from its argument, else $PG_THROWAWAY_DIR, else the cluster this
# user started last. `status` shows what is running. Several clusters may run side by side.
#
# Environment: PG_VERSION (default 15), PG_BIN (a dir with initdb/pg_ctl, overrides the lookup),
# PG_PORT (a fixed port instead of a random one), TMPDIR (where the temp dir goes).
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
MARKER=".fivestar-pg-throwaway"
# The system temp dir ($TMPDIR or the default), as mktemp sees it.
TMP_ROOT="$(dirname "$(mktemp -u -t fivestar-pg.XXXXXX)")"
LAST_FILE="$TMP_ROOT/fivestar-pg-throwaway.$(id -u).last"

log() { printf 'pg-throwaway: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  cat >&2 <<'EOF'
usage: scripts/pg-throwaway.sh start | stop [DIR] | status [DIR]
  start   start a throwaway PostgreSQL; prints `export DATABASE_URL=...` lines (eval them)
  stop    stop the cluster and delete its dir (DIR, else $PG_THROWAWAY_DIR, else the last one)
  status  show whether the cluster is running and its DATABASE_URL
EOF
}

# Runs a command as the cluster's owner: initdb and postgres refuse to run as root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

find_bin() {
  if [ -n "${PG_BIN:-}" ]; then
    [ -x "$PG_BIN/initdb" ] || die "PG_BIN=$PG_BIN has no initdb"
    echo "$PG_BIN"
    return
  fi
  local dir="/usr/lib/postgresql/$PG_VERSION/bin"
  if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    echo "$dir"
    return
  fi
  # Not the wanted version: take the newest installed one that is at least 15 (the app's floor).
  local v
  for v in $(ls /usr/lib/postgresql 2>/dev/null | grep -E '^[0-9]+$' | sort -rn); do
    if [ "$v" -ge 15 ] && [ -x "/usr/lib/postgresql/$v/bin/initdb" ]; then
      log "PostgreSQL $PG_VERSION not found; using $v"
      echo "/usr/lib/postgresql/$v/bin"
      return
    fi
  done
  return 1
}

install_postgres() {
  [ "$(id -u)" -eq 0 ] || die "PostgreSQL $PG_VERSION binaries are missing; install them (apt-get install postgresql-$PG_VERSION) or set PG_BIN"
  command -v apt-get >/dev/null || die "PostgreSQL $PG_VERSION binaries are missing and apt-get is not available; set PG_BIN"
  log "installing PostgreSQL with apt (binaries not found)"
  local attempt pkg="postgresql-$PG_VERSION"
  # Debian 12 ships 15 as the default `postgresql`; ask for the versioned package when it exists.
  for attempt in 1 2; do
    if DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
      { apt-cache show "$pkg" >/dev/null 2>&1 || pkg=postgresql; } &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$pkg" >&2; then
      return 0
    fi
    log "apt failed (attempt $attempt)"
    sleep 5
  done
  die "could not install PostgreSQL with apt"
}

port_in_use() {
  # A successful connect means something listens there.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

random_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if ! port_in_use "$port"; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

cmd_start() {
  local bin
  bin="$(find_bin)" || { install_postgres; bin="$(find_bin)" || die "initdb still not found after installing"; }
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' OS user (created by the postgresql package)"
  fi

  local dir
  dir="$(mktemp -d -t fivestar-pg.XXXXXX)"
  touch "$dir/$MARKER"
  # If anything below fails, leave nothing behind.
  trap 'as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT
  chmod 700 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  as_owner test -w "$dir" || die "the cluster owner cannot write to $dir (set TMPDIR to a dir it can reach)"

  log "initdb ($("$bin/postgres" --version)) in $dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb failed"; }

  local port="" attempt
  for attempt in 1 2 3 4 5; do
    port="${PG_PORT:-$(random_port)}" || die "no free port found"
    # No durability needed: the data is thrown away. Sockets stay inside the temp dir.
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null; then
      break
    fi
    # Most likely someone took the port between the probe and the bind: try another one.
    log "start on port $port failed (attempt $attempt):"
    tail -n 5 "$dir/server.log" >&2 || true
    port=""
    [ -z "${PG_PORT:-}" ] || break
  done
  [ -n "$port" ] || die "PostgreSQL did not start"

  local url="postgres://postgres@127.0.0.1:$port/postgres"
  echo "$port" >"$dir/port"
  echo "$dir" >"$LAST_FILE"
  trap - EXIT
  log "running on 127.0.0.1:$port (stop with: scripts/pg-throwaway.sh stop $dir)"
  printf "export DATABASE_URL='%s'\n" "$url"
  printf "export PG_THROWAWAY_DIR='%s'\n" "$dir"
}

resolve_dir() {
  local dir="${1:-${PG_THROWAWAY_DIR:-}}"
  if [ -z "$dir" ] && [ -f "$LAST_FILE" ]; then dir="$(cat "$LAST_FILE")"; fi
  echo "$dir"
}

cmd_stop() {
  local dir
  dir="$(resolve_dir "${1:-}")"
  if [ -z "$dir" ]; then
    log "nothing to stop (no dir given, PG_THROWAWAY_DIR unset, none started last)"
    return 0
  fi
  if [ ! -d "$dir" ]; then
    log "$dir is already gone"
    rm -f "$LAST_FILE"
    return 0
  fi
  # Never delete a directory this script did not create.
  [ -f "$dir/$MARKER" ] || die "$dir is not a throwaway cluster made by this script; not touching it"
  local bin
  if [ -f "$dir/data/postmaster.pid" ]; then
    bin="$(find_bin)" || die "cannot find pg_ctl to stop the cluster in $dir"
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null ||
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
  fi
  rm -rf "$dir"
  if [ -f "$LAST_FILE" ] && [ "$(cat "$LAST_FILE")" = "$dir" ]; then rm -f "$LAST_FILE"; fi
  log "stopped and removed $dir"
}

cmd_status() {
  local dir
  dir="$(resolve_dir "${1:-}")"
  [ -n "$dir" ] || { echo "no throwaway cluster recorded"; return 3; }
  [ -f "$dir/$MARKER" ] || die "no throwaway cluster at $dir"
  local bin
  bin="$(find_bin)" || die "cannot find pg_ctl"
  if as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    echo "running: DATABASE_URL=postgres://postgres@127.0.0.1:$(cat "$dir/port")/postgres ($dir)"
  else
    echo "not running ($dir)"
    return 3
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop "${2:-}" ;;
  status) cmd_status "${2:-}" ;;
  -h | --help | help) usage ;;
  *) usage; exit 2 ;;
esac
