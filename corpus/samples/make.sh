#!/bin/sh
# Rebuild the sample PDFs and plans.json from src/*.txt.
# Needs soffice (libreoffice-writer-nogui, hyphen-sv) and pdftotext
# (poppler-utils). Run from anywhere; extra arguments go to the generator,
# e.g. ./make.sh -only jamtland-2018-vuxna
set -eu
cd "$(dirname "$0")/../.."
go run ./corpus/samples/gen -dir corpus/samples "$@"
go test ./corpus/samples/
