#!/usr/bin/env bash
# `npm run test:services`: checks the services the tests need and starts the ones installed on this
# machine but down (PostgreSQL through Debian's pg_ctlcluster, Redis as a throw-away daemon).
# Nothing is installed: what is missing is reported with the command that installs it.
# Addresses: TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres),
# TEST_REDIS_URL (default redis://127.0.0.1:6379), CHROMIUM_PATH (default /usr/bin/chromium).
set -uo pipefail

pg_url=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
redis_url=${TEST_REDIS_URL:-redis://127.0.0.1:6379}
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
missing=0

# host and port of a URL such as scheme://user:pass@host:port/path (IPv6 hosts in brackets kept whole)
host_of() { local rest=${1#*://}; rest=${rest##*@}; rest=${rest%%/*}; if [[ $rest == \[* ]]; then echo "${rest%%]*}]"; else echo "${rest%%:*}"; fi; }
port_of() { local rest=${1#*://}; rest=${rest##*@}; rest=${rest%%/*}; rest=${rest##*]}; [[ $rest == *:* ]] && echo "${rest##*:}" || echo "$2"; }
is_local() { [[ $1 == 127.0.0.1 || $1 == localhost || $1 == "[::1]" ]]; }

pg_host=$(host_of "$pg_url"); pg_port=$(port_of "$pg_url" 5432)
redis_host=$(host_of "$redis_url"); redis_port=$(port_of "$redis_url" 6379)

pg_up() { node -e "const { Client } = require('pg'); const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 2000 }); c.connect().then(() => c.end()).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); })" "$pg_url" 2>/dev/null; }

echo "PostgreSQL ($pg_host:$pg_port, TEST_POSTGRES_URL)"
if ! pg_up && is_local "$pg_host" && command -v pg_ctlcluster >/dev/null 2>&1; then
  # Debian's clusters: start the one listening on the wanted port.
  for conf in /etc/postgresql/*/*/postgresql.conf; do
    [[ -f $conf ]] || continue
    version=$(basename "$(dirname "$(dirname "$conf")")"); cluster=$(basename "$(dirname "$conf")")
    port=$(sed -nE 's/^\s*port\s*=\s*([0-9]+).*/\1/p' "$conf" | tail -n 1)
    [[ ${port:-5432} == "$pg_port" ]] || continue
    echo "  starting cluster $version/$cluster"
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start 2>&1 | sed 's/^/  /'
    for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  done
fi
if pg_up; then
  echo "  ok"
else
  missing=1
  echo "  NOT REACHABLE. Install PostgreSQL (apt-get install postgresql), allow the tests' user without a"
  echo "  password from 127.0.0.1 (trust in pg_hba.conf) or put the password in TEST_POSTGRES_URL; the tests"
  echo "  create and drop databases named maillage_test_*."
fi

redis_up() { node -e "const { createClient } = require('redis'); const c = createClient({ url: process.argv[1], socket: { connectTimeout: 2000, reconnectStrategy: false } }); c.on('error', () => {}); c.connect().then(() => c.quit()).then(() => process.exit(0), () => process.exit(1))" "$redis_url" 2>/dev/null; }

echo "Redis ($redis_host:$redis_port, TEST_REDIS_URL): the two-process messaging and real-time tests"
if ! redis_up && is_local "$redis_host" && command -v redis-server >/dev/null 2>&1; then
  echo "  starting redis-server on port $redis_port (no persistence)"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$redis_port" --save "" --appendonly no --dir "${TMPDIR:-/tmp}" >/dev/null
  for _ in $(seq 1 20); do redis_up && break; sleep 0.5; done
fi
if redis_up; then
  echo "  ok"
else
  missing=1
  echo "  NOT REACHABLE. Install Redis (apt-get install redis-server) or point TEST_REDIS_URL at one."
fi

echo "Chromium ($chromium, CHROMIUM_PATH): the browser tests"
if [[ -x $chromium ]]; then
  echo "  ok: $("$chromium" --version 2>/dev/null | head -n 1)"
else
  missing=1
  echo "  NOT FOUND. Install Debian's Chromium (apt-get install chromium fonts-noto-color-emoji) or set CHROMIUM_PATH."
fi

exit $missing
