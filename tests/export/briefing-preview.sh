#!/usr/bin/env bash
# The briefing as a reader sees it: the demo data's Word briefing converted to PDF by LibreOffice
# (headless) and its first page to PNG by pdftoppm, written to docs/briefing-page1.png (linked from the
# README). Needs `apt-get install libreoffice-writer poppler-utils` (and fonts-noto-cjk for the Chinese
# text). Usage: tests/export/briefing-preview.sh [DB]   (default: a fresh database seeded with the demo data)
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "缺少 $tool：请先 apt-get install libreoffice-writer poppler-utils" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=${1:-$work/demo.db}

node bin/run-ts.js tests/export/briefing-preview.ts "$db" "$work/briefing.docx"
# A private LibreOffice profile: no clash with a running instance, nothing left in $HOME.
if ! soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf --outdir "$work" "$work/briefing.docx" >"$work/soffice.log" 2>&1 ||
  [ ! -s "$work/briefing.pdf" ]; then
  cat "$work/soffice.log" >&2
  echo "LibreOffice 未能把简报转换为 PDF" >&2
  exit 1
fi
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/briefing.pdf" docs/briefing-page1
pages=$(pdfinfo "$work/briefing.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
echo "docs/briefing-page1.png（简报共 ${pages:-?} 页）"
