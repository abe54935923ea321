# Sourced by the launcher and the scripts: find_java prints the newest java of version 21 or later from
# CONCORD_JAVA, JAVA_HOME, /usr/lib/jvm and the PATH, or fails with a clear message.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}

find_java() {
  local candidates=() best="" best_version=0 version candidate
  [ -n "${CONCORD_JAVA:-}" ] && candidates+=("$CONCORD_JAVA")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  for candidate in /usr/lib/jvm/*/bin/java; do candidates+=("$candidate"); done
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate" ] || continue
    version="$(java_major "$candidate")"
    version="${version%%.*}"
    if [[ "$version" =~ ^[0-9]+$ ]] && [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
      best="$candidate"; best_version="$version"
    fi
  done
  if [ -z "$best" ]; then
    echo "concord: no JDK 21 or newer found (set JAVA_HOME or CONCORD_JAVA)" >&2
    return 1
  fi
  echo "$best"
}
