#!/bin/bash
# Resguardo's .deb after-install script (electron-builder fills in ${executable} and
# ${sanitizedProductName}). It keeps the renderer sandbox working on every supported Ubuntu:
# the app refuses to open records without it.

app_dir='/opt/${sanitizedProductName}'

if type update-alternatives >/dev/null 2>&1; then
  if [ -L '/usr/bin/${executable}' ] && [ -e '/usr/bin/${executable}' ] &&
    [ "$(readlink '/usr/bin/${executable}')" != '/etc/alternatives/${executable}' ]; then
    rm -f '/usr/bin/${executable}'
  fi
  update-alternatives --install '/usr/bin/${executable}' '${executable}' "$app_dir/${executable}" 100 ||
    ln -sf "$app_dir/${executable}" '/usr/bin/${executable}'
else
  ln -sf "$app_dir/${executable}" '/usr/bin/${executable}'
fi

# The SUID sandbox helper, always: Chromium uses it wherever unprivileged user namespaces are
# unavailable (Ubuntu 23.10 and later restrict them; the AppArmor profile below lifts that for
# this binary only, where the system's AppArmor can load it).
chown root:root "$app_dir/chrome-sandbox"
chmod 4755 "$app_dir/chrome-sandbox"

if hash update-mime-database 2>/dev/null; then
  update-mime-database /usr/share/mime || true
fi
if hash update-desktop-database 2>/dev/null; then
  update-desktop-database /usr/share/applications || true
fi

# The AppArmor profile (Ubuntu 24.04): lets this binary create user namespaces, the sandbox's
# first choice. Installed only where this AppArmor understands it (abi/4.0; Ubuntu 22.04's does
# not, and needs no profile).
if apparmor_status --enabled >/dev/null 2>&1; then
  profile_source="$app_dir/resources/apparmor-profile"
  profile_target='/etc/apparmor.d/${executable}'
  if apparmor_parser --skip-kernel-load --debug "$profile_source" >/dev/null 2>&1; then
    cp -f "$profile_source" "$profile_target"
    if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --replace --write-cache --skip-read-cache "$profile_target"
    fi
  else
    echo "Resguardo: this AppArmor cannot load the bundled profile; the SUID sandbox is used instead."
  fi
fi
