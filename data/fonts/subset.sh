#!/usr/bin/env bash
# Makes data/fonts/DejaVuSans-Latin1.ttf from Debian fonts-dejavu-core and writes the generated
# TS module src/scor/paper/font.generated.ts (base64). Needs: apt-get install -y fonts-dejavu-core python3-fonttools
set -euo pipefail
cd "$(dirname "$0")/../.."
UNICODES='U+0020-007E,U+00A0-00FF,U+0152-0153,U+0178,U+2013-2014,U+2018-2019,U+201C-201D,U+2022,U+2026,U+202F,U+20AC'
/usr/bin/python3 -m fontTools.subset /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
  --unicodes="$UNICODES" --no-hinting --layout-features='' --name-IDs='*' --name-languages='*' \
  --notdef-outline --recalc-bounds --drop-tables+=FFTM,GPOS,GSUB,GDEF,kern \
  --output-file=data/fonts/DejaVuSans-Latin1.ttf
node data/fonts/render.mjs
