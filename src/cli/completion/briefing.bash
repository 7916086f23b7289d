# bash completion for briefing(1)
_briefing()
{
	local cur prev cmd
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W 'render check watch mail new schema help --help --version -V' -- "$cur"))
		return
	fi
	cmd=${COMP_WORDS[1]}
	case $prev in
	--layout)
		COMPREPLY=($(compgen -W 'a4 letter' -- "$cur") $(compgen -f -X '!*.xml' -- "$cur"))
		return ;;
	--dump)
		COMPREPLY=($(compgen -W 'model dl' -- "$cur")); return ;;
	--pdf-standard)
		COMPREPLY=($(compgen -W 'a-2b a-2u a-2a' -- "$cur")); return ;;
	--format)
		COMPREPLY=($(compgen -W 'text short json' -- "$cur")); return ;;
	-o|--output|--eml)
		COMPREPLY=($(compgen -f -- "$cur")); return ;;
	-j|--jobs|--dpi|--debounce|--to|--cc|--bcc|--from|--smtp)
		return ;;
	esac
	case $cmd in
	help)
		COMPREPLY=($(compgen -W 'render check watch mail new schema' -- "$cur")); return ;;
	schema)
		COMPREPLY=($(compgen -W 'story layout' -- "$cur")); return ;;
	esac
	if [[ $cur == -* ]]; then
		case $cmd in
		render) COMPREPLY=($(compgen -W '--output --layout --jobs --dump --dpi --stats --no-compress --pdf-standard --quiet --help' -- "$cur")) ;;
		check) COMPREPLY=($(compgen -W '--werror --format --layout --help' -- "$cur")) ;;
		watch) COMPREPLY=($(compgen -W '--output --layout --debounce --help' -- "$cur")) ;;
		new) COMPREPLY=($(compgen -W '--edition --help' -- "$cur")) ;;
		mail) COMPREPLY=($(compgen -W '--to --cc --bcc --from --eml --smtp --require-tls --personalize --layout --help' -- "$cur")) ;;
		esac
		return
	fi
	COMPREPLY=($(compgen -f -X '!*.xml' -- "$cur") $(compgen -d -- "$cur"))
}
complete -o filenames -F _briefing briefing
