#!/usr/bin/env bash
# Installs what the real window needs on a headless Debian/Ubuntu machine: Xvfb, Mesa's
# software renderers (llvmpipe for OpenGL, lavapipe for Vulkan) and the X11 libraries winit
# loads at run time, and poppler's pdfinfo for the handout check. Does nothing when they are
# already there.
set -euo pipefail

need=()
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb xauth)
ldconfig -p 2>/dev/null | grep -q 'libEGL_mesa' || need+=(libegl1 libegl-mesa0 libgl1-mesa-dri)
ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1' || need+=(libvulkan1 mesa-vulkan-drivers)
ldconfig -p 2>/dev/null | grep -q 'libxkbcommon-x11' || need+=(libxkbcommon-x11-0)
ldconfig -p 2>/dev/null | grep -q 'libXcursor' || need+=(libxcursor1 libxrandr2 libxi6)
# pdfinfo, for CI's check of the PDF handout's pages.
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -eq 0 ]; then
    exit 0
fi
echo "installing: ${need[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
