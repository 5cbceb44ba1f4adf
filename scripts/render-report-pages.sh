#!/usr/bin/env bash
# `npm run render:reports`: draws the report pages shown in docs/reports/ again, from the demo data seeded
# as of a fixed day (so that a rerun gives the same pages): French and English dunning letters, the
# three-page letter of the demo's first customer (60 invoices), the dunning summary, French and English
# statements. Each PDF comes from `npm run report` (the plugin's batch run), each page is a PNG drawn by
# pdftoppm at 70 dpi (installed with apt when missing). SKIP_BUILD=1 skips `npm run build:server`.
set -euo pipefail
cd "$(dirname "$0")/.."
AS_OF="${AS_OF:-2026-06-30}"
OUT="${OUT:-docs/reports}"
LONG="${LONG_CUSTOMER:-C000001}"   # 60 open invoices: a three-page letter and a continued statement
SHORT="${SHORT_CUSTOMER:-C000008}" # two invoices: a one-page letter
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

command -v pdftoppm >/dev/null || { apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null; }
[ -n "${SKIP_BUILD:-}" ] || npm run --silent build:server
export DATABASE_CLIENT=sqlite DATABASE_FILENAME="$WORK/demo.db" STRAPI_TELEMETRY_DISABLED=true LOG_LEVEL=error
SEED_SKIP_BUILD=1 node scripts/seed.js --demo --as-of "$AS_OF" --no-progress >/dev/null

report() { # report <name> <args…>: one PDF of the plugin's batch run
  local name="$1"; shift
  node scripts/report.js "$@" --as-of "$AS_OF" --out "$WORK/$name.pdf" 2>/dev/null
}
page() { # page <pdf name> <page> <png name>: one page as docs/reports/<png name>.png
  pdftoppm -png -r 70 -f "$2" -l "$2" -singlefile "$WORK/$1.pdf" "$OUT/$3"
  echo "$OUT/$3.png"
}
pages() { # pages <pdf name> <png prefix>: every page as <prefix>-<n>.png
  local count; count="$(pdfinfo "$WORK/$1.pdf" | awk '/^Pages:/ {print $2}')"
  for n in $(seq 1 "$count"); do page "$1" "$n" "$2-$n"; done
}

report letter-fr --dunning --code-from "$SHORT" --code-to "$SHORT" --locale fr
report letter-en --dunning --code-from "$SHORT" --code-to "$SHORT" --locale en
report long-fr --dunning --code-from "$LONG" --code-to "$LONG" --locale fr
report long-en --dunning --code-from "$LONG" --code-to "$LONG" --locale en
report summary --dunning --format summary --locale fr
report statement-fr --statement --code-from "$LONG" --code-to "$LONG" --locale fr
report statement-en --statement --code-from "$LONG" --code-to "$LONG" --locale en

mkdir -p "$OUT"
rm -f "$OUT"/dunning-letter-long-*.png # a letter drawn on fewer pages leaves none behind
page letter-fr 1 dunning-letter-1
page letter-en 1 dunning-letter-en-1
pages long-fr dunning-letter-long
pages long-en dunning-letter-long-en
page summary 1 dunning-summary-1
page statement-fr 1 statement-1
page statement-fr 2 statement-continued-2
page statement-en 1 statement-en-1
