#!/bin/sh
# `make install` into a temporary prefix, then the installed trialreport used as a user would:
# from another folder, through a symbolic link on PATH, as a lone copy, its man page and its
# completions. CONFIGURATION (default debug: the build `swift test` made) picks the build installed.
# Exits non-zero at the first check that fails, saying which.
set -eu
cd "$(dirname "$0")/.."
checkout=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
fail() { echo "test-install: FAILED: $*" >&2; exit 1; }

make --no-print-directory install PREFIX="$prefix" CONFIGURATION="${CONFIGURATION:-debug}" > "$work/install.log" 2>&1 \
  || { cat "$work/install.log" >&2; fail "make install PREFIX=$prefix"; }
example="$prefix/share/trialreport/examples/uc-msc-t1d"
for file in bin/trialreport share/trialreport/templates/report.md.mustache share/trialreport/examples/uc-msc-t1d/adsl.csv \
    share/man/man1/trialreport.1 share/bash-completion/completions/trialreport share/zsh/site-functions/_trialreport \
    share/fish/vendor_completions.d/trialreport.fish; do
  [ -s "$prefix/$file" ] || fail "make install did not write $file"
done

# From another folder, whose own (broken) templates folder must not be used.
mkdir -p "$work/elsewhere/templates"
echo "{{#unclosed}}" > "$work/elsewhere/templates/report.md.mustache"
cd "$work/elsewhere"
SOURCE_DATE_EPOCH=0 "$prefix/bin/trialreport" render --data "$example" --out installed --quiet \
  || fail "render by the installed binary from another folder"
SOURCE_DATE_EPOCH=0 "$checkout/.build/${CONFIGURATION:-debug}/trialreport" render --data "$checkout/examples/uc-msc-t1d" --out built --quiet \
  || fail "render by the built binary"
for file in report.md report.html results.json; do
  cmp -s "installed/$file" "built/$file" || fail "the installed binary's $file differs from the built binary's"
done

# Through a symbolic link on PATH, without --data: the installed example, with a notice.
mkdir "$work/bin" "$work/empty"
ln -s "$prefix/bin/trialreport" "$work/bin/trialreport"
cd "$work/empty"
PATH="$work/bin:$PATH" trialreport validate > "$work/validate.out" 2> "$work/validate.err" || fail "validate through a link on PATH"
grep -q "^ok: 53 participants" "$work/validate.out" || fail "validate through a link on PATH did not read the example"
grep -qF "using the bundled example study $example" "$work/validate.err" || fail "no notice naming the installed example"
PATH="$work/bin:$PATH" trialreport render --data "$example" --out out --quiet || fail "render through a link on PATH"
[ -s out/report.pdf ] || fail "render through a link on PATH wrote no report.pdf"

# A lone copy of the binary has no templates: it says so and where it looked; --templates works.
mkdir "$work/lone"
cp "$prefix/bin/trialreport" "$work/lone/trialreport"
status=0
"$work/lone/trialreport" render --data "$example" --out lone-out --quiet 2> "$work/lone.err" || status=$?
[ "$status" -ne 0 ] || fail "a lone copy rendered without templates"
grep -q "no templates folder installed with $work/lone/trialreport; give one with --templates DIR" "$work/lone.err" \
  || fail "a lone copy's error does not say what to do: $(cat "$work/lone.err")"
"$work/lone/trialreport" render --data "$example" --out lone-out --quiet --templates "$prefix/share/trialreport/templates" \
  || fail "a lone copy with --templates"

# The man page (mdoc) formats and documents the subcommands; the completion scripts parse.
MANWIDTH=100 man -l -P cat "$prefix/share/man/man1/trialreport.1" > "$work/man.txt" 2> "$work/man.err" || fail "man -l"
[ ! -s "$work/man.err" ] || fail "man -l warns: $(cat "$work/man.err")"
for word in NAME SYNOPSIS DESCRIPTION "Render the report, figures" "--templates templates"; do
  grep -qF -- "$word" "$work/man.txt" || fail "the man page lacks '$word'"
done
bash -n "$prefix/share/bash-completion/completions/trialreport" || fail "the bash completion does not parse"
grep -q "^#compdef trialreport" "$prefix/share/zsh/site-functions/_trialreport" || fail "the zsh completion has no #compdef"
grep -q "^complete -c 'trialreport' .*-fa 'render'" "$prefix/share/fish/vendor_completions.d/trialreport.fish" \
  || fail "the fish completion does not offer the subcommands"

echo "test-install: ok (installed into a temporary prefix; from another folder, a link on PATH and a lone copy; man page; completions)"
