#!/usr/bin/env bash
# Installs (or updates) the `steward` command from this clone: packs the CLI as a .NET tool into
# artifacts/tool/ and installs that package as a global tool, linking it onto PATH when
# ~/.dotnet/tools is not there.
#   ./scripts/install.sh                   global tool (~/.dotnet/tools)
#   ./scripts/install.sh --tool-path DIR   into DIR instead; PATH is left alone
set -euo pipefail

usage="usage: scripts/install.sh [--tool-path DIR]"
tool_path=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tool-path)
      if [ $# -lt 2 ] || [ -z "$2" ]; then
        echo "install.sh: --tool-path needs a directory ($usage)" >&2
        exit 1
      fi
      # Relative to where the script was called from, before it moves to the clone.
      case "$2" in /*) tool_path="$2" ;; *) tool_path="$PWD/$2" ;; esac
      shift 2
      ;;
    -h | --help)
      echo "$usage"
      exit 0
      ;;
    *)
      echo "install.sh: unknown option '$1' ($usage)" >&2
      exit 1
      ;;
  esac
done

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install.sh: dotnet not found: install the .NET 10 SDK first (https://dot.net)" >&2
  exit 1
fi

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
package_dir="$repo_root/artifacts/tool"

echo "Installing the steward command from $repo_root:"
echo "  building the CLI (Release) and packing it into artifacts/tool/ -- the first build takes a few minutes,"
echo "  then installing it $([ -n "$tool_path" ] && echo "into $tool_path" || echo "as a global .NET tool")."

# A version per build: `dotnet tool update` skips a version that is already installed, so each
# pack needs its own to replace the installed build.
build="local.$(date -u +%Y%m%d%H%M%S)"
mkdir -p "$package_dir"
rm -f "$package_dir"/Steward.Cli.*.nupkg
dotnet pack src/Steward.Cli -c Release -o "$package_dir" -p:StewardBuild="$build" -nologo
package="$(ls "$package_dir"/Steward.Cli.*.nupkg)"
version="$(basename "$package" .nupkg)"
version="${version#Steward.Cli.}"

# Only the package just packed: no other feed is asked, so nothing of that name elsewhere can stand in.
install_args=(Steward.Cli --version "$version" --source "$package_dir" --allow-downgrade)
if [ -n "$tool_path" ]; then
  dotnet tool update --tool-path "$tool_path" "${install_args[@]}" >/dev/null
  echo "steward $version installed at $tool_path/steward"
  exit 0
fi

dotnet tool update --global "${install_args[@]}" >/dev/null
tools_dir="${DOTNET_CLI_HOME:-$HOME}/.dotnet/tools"
installed="$tools_dir/steward"

on_path() {
  local dir
  local -a dirs
  IFS=: read -r -a dirs <<<"$PATH"
  for dir in "${dirs[@]}"; do
    [ "${dir%/}" = "${1%/}" ] && return 0
  done
  return 1
}

if on_path "$tools_dir"; then
  echo "steward $version installed at $installed"
  exit 0
fi

# ~/.dotnet/tools is not on PATH: link the command from the first writable one of these that is.
IFS=: read -r -a path_dirs <<<"$PATH"
for dir in "${path_dirs[@]}"; do
  dir="${dir%/}"
  if [ "$dir" != "$HOME/.local/bin" ] && [ "$dir" != "/usr/local/bin" ]; then continue; fi
  if [ ! -d "$dir" ] || [ ! -w "$dir" ]; then continue; fi
  link="$dir/steward"
  if [ -e "$link" ] || [ -L "$link" ]; then
    if [ "$(readlink "$link" || true)" != "$installed" ]; then
      echo "install.sh: $link exists and is not a link to $installed: remove it, or add $tools_dir to PATH" >&2
      exit 1
    fi
  else
    ln -s "$installed" "$link"
  fi
  echo "$tools_dir is not on PATH: linked $link to $installed."
  echo "steward $version installed at $installed (on PATH as $link)"
  exit 0
done

echo "steward $version installed at $installed, but $tools_dir is not on PATH and neither ~/.local/bin nor /usr/local/bin is a writable directory on it." >&2
echo "Add this line to your shell's profile (~/.bashrc, ~/.zshrc), then open a new shell:" >&2
echo "  export PATH=\"\$PATH:$tools_dir\"" >&2
exit 1
