#!/usr/bin/env bash
# make demo: a fresh demo county database, served on http://127.0.0.1:PORT.
set -euo pipefail
bin=$1 db=$2 port=$3
mkdir -p "$(dirname "$db")"
rm -f "$db" "$db-wal" "$db-shm"
"$bin" init --db "$db"
"$bin" demo --db "$db"
cat <<MSG

================================================================
 青山县依法行政综合管理平台（演示）
 公众门户   http://127.0.0.1:$port/
 工作人员   http://127.0.0.1:$port/app/
 演示账号（密码均为 ${FAZHI_DEMO_PASSWORD:-fazhi-demo}）：
   legal       法制机构工作人员（司法局）   legalhead  法制机构负责人
   leader      县领导（只读）               scj.clerk  市场监管局经办人
   scj.head    市场监管局负责人             scj.officer 市场监管局执法人员
   其他单位：<单位代码>.clerk / .head，如 zjj.clerk（住建局）、qsz.clerk（青山镇）
 管理员 admin 的初始密码见上方 init 的输出（或预先设置 FAZHI_ADMIN_PASSWORD）
 按 Ctrl-C 停止
================================================================
MSG
exec "$bin" serve --db "$db" --port "$port"
