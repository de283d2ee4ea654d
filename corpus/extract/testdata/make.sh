#!/bin/sh
# make.sh regenerates the committed test documents from src/*.txt, so that
# CI needs none of these tools. Needs python3, LibreOffice
# (libreoffice-writer-nogui with hyphen-sv, fonts-dejavu, fonts-liberation),
# chromium, qpdf and poppler-utils (pdfinfo).
#
#   plan_a.pdf, plan_b.pdf    LibreOffice: TrueType subsets, Swedish
#                             hyphenation, two columns, tables, lists,
#                             running header and footer with page numbers
#   plan_c.pdf                three columns, footnotes, a table without rules
#   plan_*.docx               the same documents saved as DOCX
#   plan_a_chromium.pdf       plan_a printed by Chromium: Type0/CID fonts
#   encrypted.pdf             plan_b with AES-256 and a user password
#   owner_rc4*.pdf            plan_b with an empty user password (RC4)
#   plan_long.pdf             plan_a twelve times over: 48 pages
#   *.pages                   page counts from pdfinfo, for the tests
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for name in plan_a plan_b plan_c; do
	python3 src/fodt.py "src/$name.txt" >"$tmp/$name.fodt"
	soffice --headless --convert-to pdf --outdir . "$tmp/$name.fodt" >/dev/null
	soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir . "$tmp/$name.fodt" >/dev/null
	pdfinfo "$name.pdf" | awk '/^Pages:/ {print $2}' >"$name.pages"
done
python3 src/fodt.py --html src/plan_a.txt >"$tmp/plan_a_chromium.html"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
	--print-to-pdf=plan_a_chromium.pdf "$tmp/plan_a_chromium.html" 2>/dev/null
pdfinfo plan_a_chromium.pdf | awk '/^Pages:/ {print $2}' >plan_a_chromium.pages
qpdf --encrypt secret owner 256 -- plan_b.pdf encrypted.pdf
# 48 pages (plan_a twelve times, resources shared) for the benchmark
qpdf --empty --pages plan_a.pdf plan_a.pdf plan_a.pdf plan_a.pdf plan_a.pdf plan_a.pdf \
	plan_a.pdf plan_a.pdf plan_a.pdf plan_a.pdf plan_a.pdf plan_a.pdf -- plan_long.pdf
pdfinfo plan_long.pdf | awk '/^Pages:/ {print $2}' >plan_long.pages
# encrypted with an empty user password (permissions only): RC4-128 is
# readable, RC4-40 is not (the PDF library decrypts it wrongly)
qpdf --allow-weak-crypto --encrypt "" owner 128 --use-aes=n -- plan_b.pdf owner_rc4.pdf
qpdf --allow-weak-crypto --encrypt "" owner 40 -- plan_b.pdf owner_rc4_40.pdf
