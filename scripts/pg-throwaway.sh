#!/usr/bin/env bash
# A throwaway PostgreSQL 15 on 127.0.0.1 for tests and benchmarks.
#   scripts/pg-throwaway.sh start        start it (prints the env to use)
#   scripts/pg-throwaway.sh stop         stop it and delete its data
#   scripts/pg-throwaway.sh run -- CMD   start, run CMD with DATABASE_* set, stop; exits with CMD's status
set -euo pipefail
PG_PORT="${PG_PORT:-54329}"
PG_DIR="${PG_DIR:-/tmp/credit-records-pg-$PG_PORT}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"

as_postgres() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

start() {
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2
    exit 1
  fi
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then stop; fi
  rm -rf "$PG_DIR" && mkdir -p "$PG_DIR"
  if [ "$(id -u)" = "0" ]; then chown postgres:postgres "$PG_DIR"; fi
  as_postgres "$PG_BIN/initdb -D $PG_DIR/data -U strapi --auth=trust -E UTF8 --no-locale" >/dev/null
  as_postgres "$PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/log -w -o \"-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start" >/dev/null
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U strapi -d postgres -qc 'create database strapi' >/dev/null
  echo "PostgreSQL on 127.0.0.1:$PG_PORT: DATABASE_CLIENT=postgres DATABASE_HOST=127.0.0.1 DATABASE_PORT=$PG_PORT DATABASE_NAME=strapi DATABASE_USERNAME=strapi"
}

stop() {
  if [ -d "$PG_DIR/data" ]; then as_postgres "$PG_BIN/pg_ctl -D $PG_DIR/data -m fast stop" >/dev/null 2>&1 || true; fi
  rm -rf "$PG_DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  run)
    shift
    [ "${1:-}" = "--" ] && shift
    start
    trap stop EXIT
    DATABASE_CLIENT=postgres DATABASE_HOST=127.0.0.1 DATABASE_PORT="$PG_PORT" DATABASE_NAME=strapi \
      DATABASE_USERNAME=strapi DATABASE_PASSWORD= "$@"
    ;;
  *) echo "usage: $0 start|stop|run -- CMD" >&2; exit 2 ;;
esac
