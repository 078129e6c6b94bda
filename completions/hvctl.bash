#!/bin/bash

__hvctl_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__hvctl_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__hvctl_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__hvctl_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_hvctl() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--json --verbose --version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=(--snapshot --root --kernel-log --color)
    __hvctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    info|detect|features|vmbus|cpu|msr|kernel|snapshot|health|metrics|help)
        # Offer subcommand argument completions
        "_hvctl_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'info detect features vmbus cpu msr kernel snapshot health metrics help' -- "${cur}"))
        ;;
    esac
}

_hvctl_info() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--snapshot --root --kernel-log --color)
    __hvctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_hvctl_detect() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose -q --quiet --version -h --help)
    repeating_options=()
    non_repeating_options=(--snapshot --root --kernel-log --color)
    __hvctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_hvctl_features() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --all --raw --version -h --help)
    repeating_options=()
    non_repeating_options=(--snapshot --root --kernel-log --color --source --require)
    __hvctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--source')
        __hvctl_add_completions -W 'auto'$'\n''cpuid'$'\n''kernel-log'
        return
        ;;
    '--require')
        return
        ;;
    esac
}

_hvctl_vmbus() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--snapshot --root --kernel-log --color)
    __hvctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    devices|channels|version|set-cpu)
        # Offer subcommand argument completions
        "_hvctl_vmbus_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'devices channels version set-cpu' -- "${cur}"))
        ;;
    esac
}

_hvctl_vmbus_devices() {
    repeating_flags=(-v)
    non_repeating_flags=(--json --verbose -n --no-headings --version -h --help)
    repeating_options=()
    non_repeating_options=(--snapshot --root --kernel-log --color --class -o)
    __hvctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--class')
        __hvctl_add_completions -W 'ide'$'\n''scsi'$'\n''fc'$'\n''nic'$'\n''nd'$'\n''pci'$'\n''framebuffer'$'\n''keyboard'$'\n''mouse'$'\n''kvp'$'\n''timesync'$'\n''heartbeat'$'\n''shutdown'$'\n''fcopy'$'\n''vss'$'\n''balloon'$'\n''avma1'$'\n''avma2'$'\n''rdv'$'\n''imc'$'\n''hv_sock'
        return
        ;;
    '-o')
        __hvctl_add_completions -W "$(__hvctl_custom_complete ---completion vmbus devices -- -o "${COMP_CWORD}" "$(__hvctl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_hvctl_vmbus_channels() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --list-columns -n --no-headings --version -h --help)
    repeating_options=()
    non_repeating_options=(--snapshot --root --kernel-log --color --device --class --cpu --sort -o)
    __hvctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--device')
        return
        ;;
    '--class')
        __hvctl_add_completions -W 'ide'$'\n''scsi'$'\n''fc'$'\n''nic'$'\n''nd'$'\n''pci'$'\n''framebuffer'$'\n''keyboard'$'\n''mouse'$'\n''kvp'$'\n''timesync'$'\n''heartbeat'$'\n''shutdown'$'\n''fcopy'$'\n''vss'$'\n''balloon'$'\n''avma1'$'\n''avma2'$'\n''rdv'$'\n''imc'$'\n''hv_sock'
        return
        ;;
    '--cpu')
        return
        ;;
    '--sort')
        __hvctl_add_completions -W 'device'$'\n''guid'$'\n''class'$'\n''driver'$'\n''relid'$'\n''sub'$'\n''cpu'$'\n''interrupts'$'\n''events'$'\n''in-avail'$'\n''in-fill'$'\n''out-free'$'\n''out-fill'$'\n''in-mask'$'\n''out-mask'$'\n''pending'$'\n''latency'$'\n''out-full-first'$'\n''out-full'
        return
        ;;
    '-o')
        __hvctl_add_completions -W "$(__hvctl_custom_complete ---completion vmbus channels -- -o "${COMP_CWORD}" "$(__hvctl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_hvctl_vmbus_version() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose -n --no-headings --version -h --help)
    repeating_options=()
    non_repeating_options=(--snapshot --root --kernel-log --color -o)
    __hvctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '-o')
        __hvctl_add_completions -W "$(__hvctl_custom_complete ---completion vmbus version -- -o "${COMP_CWORD}" "$(__hvctl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_hvctl_vmbus_set-cpu() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --apply --force --version -h --help)
    repeating_options=()
    non_repeating_options=(--snapshot --root --kernel-log --color)
    __hvctl_offer_flags_options 3

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_hvctl_cpu() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--snapshot --root --kernel-log --color)
    __hvctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|map|offline-check|evacuate|restore)
        # Offer subcommand argument completions
        "_hvctl_cpu_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list map offline-check evacuate restore' -- "${cur}"))
        ;;
    esac
}

_hvctl_cpu_list() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose -n --no-headings --version -h --help)
    repeating_options=()
    non_repeating_options=(--snapshot --root --kernel-log --color -o)
    __hvctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '-o')
        __hvctl_add_completions -W "$(__hvctl_custom_complete ---completion cpu list -- -o "${COMP_CWORD}" "$(__hvctl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_hvctl_cpu_map() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose -n --no-headings --version -h --help)
    repeating_options=()
    non_repeating_options=(--snapshot --root --kernel-log --color -o)
    __hvctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '-o')
        __hvctl_add_completions -W "$(__hvctl_custom_complete ---completion cpu map -- -o "${COMP_CWORD}" "$(__hvctl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_hvctl_cpu_offline-check() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --all --version -h --help)
    repeating_options=()
    non_repeating_options=(--snapshot --root --kernel-log --color)
    __hvctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_hvctl_cpu_evacuate() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --apply --offline --force --version -h --help)
    repeating_options=()
    non_repeating_options=(--snapshot --root --kernel-log --color --to --journal)
    __hvctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--to')
        return
        ;;
    '--journal')
        __hvctl_add_completions -f
        return
        ;;
    esac
}

_hvctl_cpu_restore() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --apply --force --version -h --help)
    repeating_options=()
    non_repeating_options=(--snapshot --root --kernel-log --color)
    __hvctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __hvctl_add_completions -f
        return
        ;;
    esac
}

_hvctl_msr() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --all-cpus --raw --force -n --no-headings --version -h --help)
    repeating_options=()
    non_repeating_options=(--snapshot --root --kernel-log --color --cpu -o)
    __hvctl_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--cpu')
        return
        ;;
    '-o')
        __hvctl_add_completions -W "$(__hvctl_custom_complete ---completion msr -- -o "${COMP_CWORD}" "$(__hvctl_cursor_index_in_current_word)")"
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __hvctl_add_completions -W 'guest_os_id'$'\n''hypercall'$'\n''vp_index'$'\n''reset'$'\n''vp_runtime'$'\n''time_ref_count'$'\n''reference_tsc'$'\n''tsc_frequency'$'\n''apic_frequency'$'\n''eoi'$'\n''icr'$'\n''tpr'$'\n''vp_assist_page'$'\n''scontrol'$'\n''sversion'$'\n''siefp'$'\n''simp'$'\n''eom'$'\n''sirbp'$'\n''sint0'$'\n''sint1'$'\n''sint2'$'\n''sint3'$'\n''sint4'$'\n''sint5'$'\n''sint6'$'\n''sint7'$'\n''sint8'$'\n''sint9'$'\n''sint10'$'\n''sint11'$'\n''sint12'$'\n''sint13'$'\n''sint14'$'\n''sint15'$'\n''stimer0_config'$'\n''stimer0_count'$'\n''stimer1_config'$'\n''stimer1_count'$'\n''stimer2_config'$'\n''stimer2_count'$'\n''stimer3_config'$'\n''stimer3_count'$'\n''guest_idle'$'\n''crash_p0'$'\n''crash_p1'$'\n''crash_p2'$'\n''crash_p3'$'\n''crash_p4'$'\n''crash_ctl'$'\n''reenlightenment_control'$'\n''tsc_emulation_control'$'\n''tsc_emulation_status'$'\n''stime_unhalted_timer_config'$'\n''stime_unhalted_timer_count'$'\n''tsc_invariant_control'
        return
        ;;
    esac
}

_hvctl_kernel() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--snapshot --root --kernel-log --color)
    __hvctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_hvctl_snapshot() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --list --no-redact --version -h --help)
    repeating_options=()
    non_repeating_options=(--snapshot --root --kernel-log --color -o --output)
    __hvctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '-o'|'--output')
        __hvctl_add_completions -f
        return
        ;;
    esac
}

_hvctl_health() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --list -n --no-headings -q --quiet --version -h --help)
    repeating_options=(--check --skip)
    non_repeating_options=(--snapshot --root --kernel-log --color --config --format --fail-on -o)
    __hvctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--check')
        __hvctl_add_completions -W 'hyperv.detected'$'\n''host.supported'$'\n''vmbus.version'$'\n''vmbus.devices_bound'$'\n''kernel.drivers'$'\n''vmbus.expected_devices'$'\n''clocksource'$'\n''reference_tsc.enabled'$'\n''channels.balance'$'\n''channels.offline_cpu'$'\n''rings.full'$'\n''cpu.phantom'$'\n''isolation.expected'$'\n''msr.crash_enabled'$'\n''kernel_log.errors'
        return
        ;;
    '--skip')
        __hvctl_add_completions -W 'hyperv.detected'$'\n''host.supported'$'\n''vmbus.version'$'\n''vmbus.devices_bound'$'\n''kernel.drivers'$'\n''vmbus.expected_devices'$'\n''clocksource'$'\n''reference_tsc.enabled'$'\n''channels.balance'$'\n''channels.offline_cpu'$'\n''rings.full'$'\n''cpu.phantom'$'\n''isolation.expected'$'\n''msr.crash_enabled'$'\n''kernel_log.errors'
        return
        ;;
    '--config')
        __hvctl_add_completions -o plusdirs -fX '!*.@(toml|json)'
        return
        ;;
    '--format')
        __hvctl_add_completions -W 'text'$'\n''json'$'\n''junit'$'\n''tap'
        return
        ;;
    '--fail-on')
        __hvctl_add_completions -W 'fail'$'\n''warn'
        return
        ;;
    '-o')
        __hvctl_add_completions -W "$(__hvctl_custom_complete ---completion health -- -o "${COMP_CWORD}" "$(__hvctl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_hvctl_metrics() {
    repeating_flags=()
    non_repeating_flags=(--json --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--snapshot --root --kernel-log --color -o --output --config)
    __hvctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--snapshot')
        __hvctl_add_completions -f
        return
        ;;
    '--root')
        __hvctl_add_completions -d
        return
        ;;
    '--kernel-log')
        __hvctl_add_completions -f
        return
        ;;
    '--color')
        __hvctl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '-o'|'--output')
        __hvctl_add_completions -o plusdirs -fX '!*.@(prom)'
        return
        ;;
    '--config')
        __hvctl_add_completions -o plusdirs -fX '!*.@(toml|json)'
        return
        ;;
    esac
}

_hvctl_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __hvctl_offer_flags_options -1
}

complete -o filenames -F _hvctl hvctl
