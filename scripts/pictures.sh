#!/usr/bin/env bash
# Makes the README's pictures in docs/images/ from the sample book in manuscript/: the EPUB's cover, and the PDF's
# title page and first page of the story, as small PNGs; and the EPUB cover of a small Hebrew book
# (tests/fixtures/books/hebrew), a right-to-left title in its own script. Needs poppler-utils (pdftoppm,
# pdftotext) and `npm ci`.
# Run: bash scripts/pictures.sh [OUT]   (OUT defaults to docs/images; the PNGs there are committed: they are
# documentation, not build output)
set -euo pipefail
out=$(realpath -m "${1:-$(dirname "$0")/../docs/images}")
cd "$(dirname "$0")/.."
for tool in pdftoppm pdftotext; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed: apt-get install -y poppler-utils" >&2; exit 1; }
done

npm run --silent compile
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
SOURCE_DATE_EPOCH=0 node lib/cli/main.js build manuscript --out "$work" --format epub,pdf --quiet >/dev/null
SOURCE_DATE_EPOCH=0 node lib/cli/main.js build tests/fixtures/books/hebrew --out "$work/hebrew" --format epub --quiet >/dev/null
pdf="$work/the-keeper-of-small-lights.pdf"
epub="$work/the-keeper-of-small-lights.epub"
mkdir -p "$out"

# The covers: the image each EPUB declares as its cover, scaled to 240 pixels wide with resvg.
node - "$epub" "$out/cover.png" "$work"/hebrew/*.epub "$out/cover-he.png" <<'JS'
const fs = require('node:fs');
const JSZip = require('jszip');
const { Resvg } = require('@resvg/resvg-js');
(async () => {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i += 2) {
    const zip = await JSZip.loadAsync(fs.readFileSync(args[i]));
    const opf = await zip.file('OEBPS/content.opf').async('string');
    const href = /<item [^>]*href="([^"]+)"[^>]*properties="cover-image"/.exec(opf)[1];
    const png = await zip.file(`OEBPS/${href}`).async('base64');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="2560"><image href="data:image/png;base64,${png}" width="1600" height="2560"/></svg>`;
    fs.writeFileSync(args[i + 1], new Resvg(svg, { fitTo: { mode: 'width', value: 240 } }).render().asPng());
  }
})();
JS

# The title page is the PDF's first page; the body page is the first that holds the story's opening words.
pdftoppm -f 1 -l 1 -r 60 -png -singlefile "$pdf" "$out/title-page"
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
body=1
for ((p = 2; p <= pages; p++)); do
  if pdftotext -f "$p" -l "$p" "$pdf" - | grep -q 'Ottilie'; then body=$p; break; fi
done
pdftoppm -f "$body" -l "$body" -r 60 -png -singlefile "$pdf" "$out/body-page"
ls -l "$out"
