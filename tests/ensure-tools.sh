#!/bin/sh
# Browser tests need Debian's Chromium (Playwright cannot download its own
# browser here) and pdftotext; the note tests need LibreOffice to read the
# .odt files. Install them when we can; fail loudly otherwise, never skip.
set -eu
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v libreoffice >/dev/null 2>&1 || missing="$missing libreoffice-writer-nogui"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "ERREUR : paquets Debian manquants :$missing" >&2
  echo "Installez-les avec : sudo apt-get install -y$missing" >&2
  exit 1
fi
echo "Installation des paquets Debian :$missing"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
[ -x /usr/bin/chromium ] || { echo "ERREUR : /usr/bin/chromium introuvable après installation" >&2; exit 1; }
command -v libreoffice >/dev/null 2>&1 || { echo "ERREUR : libreoffice introuvable après installation" >&2; exit 1; }
