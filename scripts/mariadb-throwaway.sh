#!/usr/bin/env bash
# A throwaway MariaDB (Debian's mariadb-server) on 127.0.0.1 for tests, like pg-throwaway.sh.
#   scripts/mariadb-throwaway.sh start        start it (prints the env to use)
#   scripts/mariadb-throwaway.sh stop         stop it and delete its data
#   scripts/mariadb-throwaway.sh run -- CMD   start, run CMD with MARIADB_* set, stop; exits with CMD's status
# It exports MARIADB_HOST, MARIADB_PORT, MARIADB_DATABASE, MARIADB_USER, MARIADB_PASSWORD (not
# DATABASE_*: those switch the repository's own API tests to another database). The install test
# boots its foreign app on it, and fails without them (npm run test:install runs it through this script).
set -euo pipefail
# MARIADB_PORT: that port, or the first free one from 53306 up (the machine may run others' servers)
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [ -z "${MARIADB_PORT:-}" ]; then
  MARIADB_PORT=53306
  if [ "${1:-}" != stop ]; then
    while listening "$MARIADB_PORT"; do
      MARIADB_PORT=$((MARIADB_PORT + 1))
      if [ "$MARIADB_PORT" -gt 53356 ]; then echo "no free port in 53306-53356 (set MARIADB_PORT)" >&2; exit 1; fi
    done
  fi
fi
# in memory when the machine has /dev/shm: Strapi's first boot creates ~100 tables, each a file
if [ -d /dev/shm ] && [ -w /dev/shm ]; then DEFAULT_DIR=/dev/shm; else DEFAULT_DIR=/tmp; fi
MARIADB_DIR="${MARIADB_DIR:-$DEFAULT_DIR/credit-records-mariadb-$MARIADB_PORT}"
MARIADB_DATABASE="${MARIADB_DATABASE:-strapi}"
MARIADB_USER="${MARIADB_USER:-strapi}"
MARIADB_PASSWORD="${MARIADB_PASSWORD:-strapi}"
SERVER="$(command -v mariadbd || ls /usr/sbin/mariadbd 2>/dev/null || true)"
INSTALL_DB="$(command -v mariadb-install-db || true)"
CLIENT="$(command -v mariadb || true)"

# the server refuses to run as root: run it as the package's mysql user
as_mysql() {
  if [ "$(id -u)" = "0" ]; then su mysql -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

start() {
  if [ -z "$SERVER" ] || [ -z "$INSTALL_DB" ] || [ -z "$CLIENT" ]; then
    echo "MariaDB server binaries not found (mariadbd, mariadb-install-db, mariadb): apt-get install -y mariadb-server" >&2
    exit 1
  fi
  if [ -f "$MARIADB_DIR/pid" ]; then stop; fi
  rm -rf "$MARIADB_DIR" && mkdir -p "$MARIADB_DIR"
  if [ "$(id -u)" = "0" ]; then chown mysql:mysql "$MARIADB_DIR"; fi
  # the OS user that runs the server is an admin over the socket (unix_socket auth); no password anywhere
  as_mysql "$INSTALL_DB --no-defaults --datadir=$MARIADB_DIR/data --auth-root-authentication-method=socket --skip-test-db" >"$MARIADB_DIR/install.log" 2>&1 \
    || { cat "$MARIADB_DIR/install.log" >&2; exit 1; }
  # --no-defaults: nothing from /etc/mysql (the system service's port, socket, datadir)
  as_mysql "nohup $SERVER --no-defaults --datadir=$MARIADB_DIR/data --socket=$MARIADB_DIR/sock --pid-file=$MARIADB_DIR/pid \
    --port=$MARIADB_PORT --bind-address=127.0.0.1 --skip-name-resolve --log-error=$MARIADB_DIR/error.log \
    --innodb-flush-log-at-trx-commit=0 --sync-binlog=0 --innodb-doublewrite=0 --innodb-buffer-pool-size=64M --max-connections=200 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci >/dev/null 2>&1 &"
  for _ in $(seq 1 100); do
    if grep -q '\[ERROR\] Aborting' "$MARIADB_DIR/error.log" 2>/dev/null; then break; fi
    if [ -S "$MARIADB_DIR/sock" ] && as_mysql "$CLIENT --protocol=socket -S $MARIADB_DIR/sock -u\$(id -un) -e 'select 1'" >/dev/null 2>&1; then break; fi
    sleep 0.2
  done
  as_mysql "$CLIENT --protocol=socket -S $MARIADB_DIR/sock -u\$(id -un) -e \"
    create database \\\`$MARIADB_DATABASE\\\`;
    create user '$MARIADB_USER'@'127.0.0.1' identified by '$MARIADB_PASSWORD';
    grant all on *.* to '$MARIADB_USER'@'127.0.0.1';\"" \
    || { echo "MariaDB did not start on 127.0.0.1:$MARIADB_PORT:" >&2; tail -n 20 "$MARIADB_DIR/error.log" >&2; stop; exit 1; }
  echo "MariaDB $("$SERVER" --version | awk '{print $3}') on 127.0.0.1:$MARIADB_PORT: MARIADB_HOST=127.0.0.1 MARIADB_PORT=$MARIADB_PORT MARIADB_DATABASE=$MARIADB_DATABASE MARIADB_USER=$MARIADB_USER MARIADB_PASSWORD=$MARIADB_PASSWORD"
}

stop() {
  if [ -f "$MARIADB_DIR/pid" ]; then
    local pid
    pid="$(cat "$MARIADB_DIR/pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$MARIADB_DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  run)
    shift
    [ "${1:-}" = "--" ] && shift
    start
    trap stop EXIT
    MARIADB_HOST=127.0.0.1 MARIADB_PORT="$MARIADB_PORT" MARIADB_DATABASE="$MARIADB_DATABASE" \
      MARIADB_USER="$MARIADB_USER" MARIADB_PASSWORD="$MARIADB_PASSWORD" "$@"
    ;;
  *) echo "usage: $0 start|stop|run -- CMD" >&2; exit 2 ;;
esac
