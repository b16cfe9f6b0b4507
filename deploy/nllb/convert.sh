#!/bin/sh
# One-time: download NLLB-200 distilled 600M (facebook/nllb-200-distilled-600M, about 2.5 GB)
# and convert it to CTranslate2 with int8 weights (about 0.6 GB) into $NLLB_MODEL_DIR, with the
# SentencePiece model the service tokenizes with. Does nothing when the model is already there.
set -eu
OUT="${NLLB_MODEL_DIR:-/models/nllb-200-distilled-600M-int8}"
if [ -f "$OUT/model.bin" ] && [ -f "$OUT/sentencepiece.bpe.model" ]; then
    echo "the model is already in $OUT"
    exit 0
fi
PARTIAL="$OUT.partial"
rm -rf "$PARTIAL"
ct2-transformers-converter \
    --model facebook/nllb-200-distilled-600M \
    --quantization int8 \
    --copy_files sentencepiece.bpe.model \
    --output_dir "$PARTIAL"
rm -rf "$OUT"
mv "$PARTIAL" "$OUT"
echo "converted into $OUT"
