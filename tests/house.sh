# tests/house.sh: packaging (sourced by tests/run.sh, which defines ok,
# no, check, expect, BIN, B, W, T, ROOT): install and uninstall, the
# installed program finding its data and its mail helper, the man page
# and the completions agreeing with the help texts.

P=$W/stage
if make -s -C "$ROOT" install BUILD="$B" DESTDIR="$P" PREFIX=/usr >"$W/inst.log" 2>&1; then
	ok "make install DESTDIR"
else
	no "make install DESTDIR" "$(tail -3 "$W/inst.log")"
fi
for f in usr/bin/briefing usr/libexec/briefing/briefing-mail usr/share/man/man1/briefing.1 \
    usr/share/briefing/schema/story.rng usr/share/briefing/schema/layout.rng \
    usr/share/briefing/layouts/a4.xml usr/share/bash-completion/completions/briefing \
    usr/share/zsh/site-functions/_briefing; do
	[ -f "$P/$f" ] || no "installed: $f"
done
[ ! -e "$P/usr/bin/briefing-mail" ] && ok "briefing-mail is not in PATH (libexec)" ||
    no "briefing-mail is not in PATH (libexec)"
# The installed program finds its faces, layouts and mail helper from
# where it was put, without BRIEFING_DATA.
(cd "$W" && env -u BRIEFING_DATA "$P/usr/bin/briefing" render "$ROOT/samples/openai-aws.xml" \
    -o "$W/inst.pdf" -q) && pdftotext "$W/inst.pdf" - 2>/dev/null | grep -q "OpenAI" &&
    ok "the installed program renders" || no "the installed program renders"
(cd "$W" && env -u BRIEFING_DATA "$P/usr/bin/briefing" mail "$ROOT/samples/openai-aws.xml" \
    --to a@example.com --from b@example.com --eml "$W/inst.eml" 2>/dev/null) &&
    grep -q "^To: a@example.com" "$W/inst.eml" &&
    ok "the installed program finds its mail helper" ||
    no "the installed program finds its mail helper"
make -s -C "$ROOT" uninstall BUILD="$B" DESTDIR="$P" PREFIX=/usr >/dev/null 2>&1
left=$(find "$P" -mindepth 1 2>/dev/null | head -5)
[ -z "$left" ] && ok "make uninstall DESTDIR leaves nothing behind" ||
    no "make uninstall DESTDIR leaves nothing behind" "$left"

# The man page renders without a warning and names every command and
# option the help texts name; so do the completions.
M=$ROOT/src/cli/briefing.1
warn=$(groff -mandoc -ww -z "$M" 2>&1)
[ -z "$warn" ] && MANWIDTH=80 man -l "$M" 2>/dev/null | grep -q "EXIT STATUS" &&
    ok "man -l renders the man page" || no "man -l renders the man page" "$warn"
missing=
for c in $("$BIN" --help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p'); do
	grep -q "^\.Cm $c\$" "$M" || missing="$missing $c"
	grep -q "\b$c\b" "$ROOT/src/cli/completion/briefing.bash" || missing="$missing bash:$c"
	grep -q "'$c:" "$ROOT/src/cli/completion/_briefing" || missing="$missing zsh:$c"
	for o in $("$BIN" help "$c" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		[ "$o" = --help ] && continue
		[ "$c" = help ] && o=--version
		grep -q -- "Fl -${o#--}" "$M" || missing="$missing $c:$o"
		grep -q -- "$o" "$ROOT/src/cli/completion/briefing.bash" || missing="$missing bash:$c:$o"
		grep -q -- "$o[[}]" "$ROOT/src/cli/completion/_briefing" || missing="$missing zsh:$c:$o"
	done
done
[ -z "$missing" ] && ok "man page and completions cover every command and option" ||
    no "man page and completions cover every command and option" "missing:$missing"
if command -v bash >/dev/null; then
	out=$(bash -c ". '$ROOT/src/cli/completion/briefing.bash'; COMP_WORDS=(briefing ren); COMP_CWORD=1; _briefing; echo \${COMPREPLY[*]}")
	[ "$out" = render ] && ok "bash completes a command" || no "bash completes a command" "$out"
	out=$(bash -c ". '$ROOT/src/cli/completion/briefing.bash'; COMP_WORDS=(briefing render --la); COMP_CWORD=2; _briefing; echo \${COMPREPLY[*]}")
	[ "$out" = --layout ] && ok "bash completes an option" || no "bash completes an option" "$out"
fi
expect "-V" 0 "" "$BIN" -V
grep -qx "briefing [0-9.]*" "$W/out" && ok "-V prints the version" || no "-V prints the version"
expect "a mistyped option gets the nearest" 2 "briefing: error: unknown option '--layot': did you mean '--layout'?
briefing: try 'briefing --help' for more information" "$BIN" render --layot a4 x.xml
expect "a mistyped option with a value gets the nearest" 2 "briefing: error: unknown option '--fromat=json': did you mean '--format'?
briefing: try 'briefing --help' for more information" "$BIN" check --fromat=json x.xml
expect "a command far from any gets no guess" 2 "briefing: error: unknown command 'xyz'
briefing: try 'briefing --help' for more information" "$BIN" xyz
