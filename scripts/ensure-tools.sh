# Sourced by start.sh and test.sh: makes sure the pinned pnpm is there and sets $PNPM.
# Needs only Node 20 and npm; never needs root for pnpm (it goes into .tools/ inside the project).
PNPM_VERSION=10.34.9

ensure_pnpm() {
  if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then
    PNPM=pnpm
    return
  fi
  local local_pnpm="$PWD/.tools/node_modules/.bin/pnpm"
  if [ ! -x "$local_pnpm" ] || [ "$("$local_pnpm" --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
    echo "Installing pnpm $PNPM_VERSION into .tools/ …"
    mkdir -p .tools
    [ -f .tools/package.json ] || echo '{"private":true}' > .tools/package.json
    npm install --prefix .tools --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >/dev/null
  fi
  PNPM="$local_pnpm"
}

# Browser tests drive Debian's Chromium; Playwright's own browser download cannot work on these machines.
ensure_chromium() {
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  local missing=()
  [ -x "$CHROMIUM_PATH" ] || missing+=(chromium)
  # Screenshots of Chinese screens need a CJK font; handhelds have one, a bare Debian does not.
  [ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
  # The camera test feeds Chromium's fake camera a clip that ffmpeg makes from a sample photo.
  command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} from Debian's packages …"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif [ -x "$CHROMIUM_PATH" ]; then
    echo "Note: missing ${missing[*]}: screenshots may show boxes for Chinese text, and the camera test needs ffmpeg." >&2
    return 0
  fi
  if [ ! -x "$CHROMIUM_PATH" ]; then
    echo "Chromium is missing. Install it with:  sudo apt-get install chromium   (or set CHROMIUM_PATH)" >&2
    return 1
  fi
}

# The scale-out test runs two server processes behind a real load balancer: HAProxy from Debian's packages.
ensure_haproxy() {
  command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing haproxy from Debian's packages …"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy >/dev/null
  else
    echo "Note: HAProxy is missing, so the two-process test is skipped. Install it with:  sudo apt-get install haproxy" >&2
  fi
  return 0
}
