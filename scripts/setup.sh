#!/usr/bin/env bash
# One-step set-up on a fresh Debian machine: system packages for the real PC/SC end-to-end
# tests (pcscd + the vsmartcard virtual reader, headers for the optional pcsclite binding),
# PDFBox Preflight (the PDF/A-1b oracle of the SCOR tests: libpdfbox2-java + Java) and the sRGB profile,
# dovecot (the IMAP server of the teletransmission tests, started per run by the tests, by PID),
# xmllint (INSi messages checked against the published XSDs), PostgreSQL (the multi-practice ledger),
# Chromium (the dashboard tested in a real headless browser), tmux (the CLI's progress display in a real terminal),
# then the npm dependencies from the lock file. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
for p in pcscd libpcsclite-dev vsmartcard-vpcd libpdfbox2-java libactivation-java libjaxb-api-java default-jre-headless icc-profiles-free dovecot-imapd dovecot-pop3d libxml2-utils postgresql chromium tmux; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing ${need[*]} (apt)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "setup: ${need[*]} missing and apt-get not usable here: PC/SC and PDF/A end-to-end tests will be skipped (with a reason)"
  fi
fi
npm ci --no-audit --no-fund
