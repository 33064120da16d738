#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (`npm run test:pg`, and .ci/run): initdb and pg_ctl on a
# folder of its own, on a spare port, listening on the loopback only, trust authentication, durability
# off (nothing in it outlives the run). As root the cluster runs as the `postgres` user (initdb refuses
# root). Prints the URL to put in YANPAN_TEST_PG.
#   tests/pg-cluster.sh start DIR [PORT]    (PORT: the first free one from 55432)
#   tests/pg-cluster.sh stop DIR
set -euo pipefail

cmd=${1:?start or stop}
dir=${2:?the folder of the cluster}
# Debian keeps initdb and pg_ctl out of PATH, under /usr/lib/postgresql/<version>/bin.
bin=$(dirname "$(command -v initdb 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)")
if [ ! -x "$bin/initdb" ]; then
  echo "未找到 initdb：请先安装 PostgreSQL（Debian/Ubuntu：apt-get install postgresql）" >&2
  exit 2
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}

case "$cmd" in
  start)
    port=${3:-}
    if [ -z "$port" ]; then
      for p in $(seq 55432 55532); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
      done
    fi
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "'$bin/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1"
    as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/log' -w start \
      -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" >/dev/null"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -d "$dir/data" ]; then as_owner "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop >/dev/null" || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "用法：tests/pg-cluster.sh start DIR [PORT] | stop DIR" >&2
    exit 2
    ;;
esac
