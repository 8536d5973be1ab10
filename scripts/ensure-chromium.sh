#!/usr/bin/env bash
# The browser tests drive Debian's Chromium. Run before `npm test` (its
# pretest): installs the package with apt-get when it is missing and we are
# root; otherwise says what to do. Never downloads a browser of its own.
set -eu
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "pretest: installing Debian's chromium for the browser tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
else
  echo "pretest: /usr/bin/chromium is missing; run 'sudo apt-get install -y chromium' (the browser tests will fail without it)" >&2
fi
