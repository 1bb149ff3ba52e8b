# Shared by .ci/smoke and .ci/measure-app (source it): a private home and
# an Xvfb display for one run of the real window, and a tour of its screens.

# start_xvfb makes $work, points HOME and the display at this run only, and
# cleans both up (with the app in $app) when the script ends.
start_xvfb() {
  work=$(mktemp -d)
  trap 'kill "${app:-}" "${xvfb:-}" 2>/dev/null || true; wait 2>/dev/null; rm -rf "$work"' EXIT
  export HOME="$work" XDG_CONFIG_HOME="$work/config" LANG=${LANG:-en_US.UTF-8}
  local display=":$((80 + RANDOM % 19))"
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
  xvfb=$!
  export DISPLAY="$display"
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.2; done
}

# tour_screens X Y STEP clicks every row of the navigation list (at fixed
# places from the window's top left X,Y), back to the overview last, and
# runs the command STEP after each click.
tour_screens() {
  local x=$1 y=$2 step=$3 row
  for row in 88 127 166 205 244 283 322 49; do # below the main menu bar
    xdotool mousemove $((x + 60)) $((y + row)) click 1
    sleep 1.5
    $step "$row"
  done
}
