#!/bin/sh
# Publishes a built site to a web root with rsync, in the order that never shows a reader a page whose files are
# missing: first everything a page refers to (hashed scripts, search index folders, images), then the files that
# refer to them (HTML, the search manifest, feeds), and only then deletes files the new build no longer has.
#
#   deploy/publish.sh SOURCE TARGET
#     SOURCE  the built site, e.g. dist
#     TARGET  a folder on this machine, or user@host:/path over ssh (RSYNC_RSH, e.g. "ssh -i key", is honoured)
#
# Object storage (Alibaba Cloud OSS, Tencent COS) follows the same order with its own tool: see docs/deploy.md.
set -eu

if [ $# -ne 2 ]; then
  echo "usage: $0 SOURCE TARGET   (TARGET: /path or user@host:/path)" >&2
  exit 2
fi
source_dir=${1%/}
target=${2%/}
if [ ! -f "$source_dir/index.html" ]; then
  echo "$source_dir/index.html not found: build the site first (npm run build)" >&2
  exit 1
fi
command -v rsync >/dev/null 2>&1 || { echo "rsync not found: apt-get install rsync" >&2; exit 1; }

# Files that refer to others; everything else is referred to.
set -- --exclude='*.html' --exclude='/_search/manifest.json' --exclude='*.xml' --exclude='*.xsl' --exclude='*.ics' \
  --exclude='/robots.txt' --exclude='/_headers'

# 1. What pages refer to: new files appear; nothing is replaced under a page that is being read.
rsync -rlt --checksum --chmod=D755,F644 "$@" "$source_dir/" "$target/"
# 2. Pages, manifest and feeds, now that everything they name is in place; then (--delete-after) the files the new
#    build no longer has: old hashed assets, removed pages.
rsync -rlt --checksum --chmod=D755,F644 --delete-after "$source_dir/" "$target/"
echo "published $source_dir/ to $target/"
