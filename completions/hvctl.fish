function __hvctl_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __hvctl_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __hvctl_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __hvctl_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __hvctl_parse_tokens -S
    set -l unparsed_tokens (__hvctl_tokens -pc)
    switch $unparsed_tokens[1]
    case 'hvctl'
        __hvctl_parse_subcommand 0 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'info'
            __hvctl_parse_subcommand 0 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'version' 'h/help'
        case 'detect'
            __hvctl_parse_subcommand 0 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'q/quiet' 'version' 'h/help'
        case 'features'
            __hvctl_parse_subcommand 0 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'source=' 'all' 'raw' 'require=' 'version' 'h/help'
        case 'vmbus'
            __hvctl_parse_subcommand 0 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'devices'
                __hvctl_parse_subcommand 0 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'v' 'class=' 'o=' 'n/no-headings' 'version' 'h/help'
            case 'channels'
                __hvctl_parse_subcommand 0 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'device=' 'class=' 'cpu=' 'sort=' 'o=' 'list-columns' 'n/no-headings' 'version' 'h/help'
            case 'version'
                __hvctl_parse_subcommand 0 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'o=' 'n/no-headings' 'version' 'h/help'
            case 'set-cpu'
                __hvctl_parse_subcommand 3 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'apply' 'force' 'version' 'h/help'
            end
        case 'cpu'
            __hvctl_parse_subcommand 0 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __hvctl_parse_subcommand 0 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'o=' 'n/no-headings' 'version' 'h/help'
            case 'map'
                __hvctl_parse_subcommand 0 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'o=' 'n/no-headings' 'version' 'h/help'
            case 'offline-check'
                __hvctl_parse_subcommand 1 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'all' 'version' 'h/help'
            case 'evacuate'
                __hvctl_parse_subcommand 1 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'to=' 'apply' 'offline' 'journal=' 'force' 'version' 'h/help'
            case 'restore'
                __hvctl_parse_subcommand 1 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'apply' 'force' 'version' 'h/help'
            end
        case 'msr'
            __hvctl_parse_subcommand -r 1 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'cpu=' 'all-cpus' 'raw' 'force' 'o=' 'n/no-headings' 'version' 'h/help'
        case 'kernel'
            __hvctl_parse_subcommand 0 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'version' 'h/help'
        case 'snapshot'
            __hvctl_parse_subcommand 0 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'o/output=' 'list' 'no-redact' 'version' 'h/help'
        case 'health'
            __hvctl_parse_subcommand 0 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'check=+' 'skip=+' 'config=' 'format=' 'fail-on=' 'list' 'o=' 'n/no-headings' 'q/quiet' 'version' 'h/help'
        case 'metrics'
            __hvctl_parse_subcommand 0 'snapshot=' 'root=' 'kernel-log=' 'json' 'verbose' 'color=' 'o/output=' 'config=' 'version' 'h/help'
        case 'help'
            __hvctl_parse_subcommand -r 1 'version'
        end
    end
end

function __hvctl_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __hvctl_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __hvctl_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __hvctl_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__hvctl_tokens -p)
    if test -z "$(__hvctl_tokens -t)"
        set -l index (count (__hvctl_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'hvctl' -f
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl" -eq 1' -fa 'info' -d 'One screen: hypervisor, host build and release, environment, limits, VMBus, kernel support.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl" -eq 1' -fa 'detect' -d 'Say in one word whether this is a Hyper-V guest, as systemd-detect-virt does; exit 0 if so.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl" -eq 1' -fa 'features' -d 'Every privilege, feature and recommendation bit the hypervisor reports.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl" -eq 1' -fa 'vmbus' -d 'VMBus devices, channels and the negotiated protocol version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl" -eq 1' -fa 'cpu' -d 'CPUs and the VMBus channel interrupts that target them.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl" -eq 1' -fa 'msr' -d 'Hyper-V\'s synthetic MSRs, decoded and compared with what a healthy Linux guest programs.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl" -eq 1' -fa 'kernel' -d 'The guest kernel\'s Hyper-V support: config options, modules, and why a VMBus device is unbound.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl" -eq 1' -fa 'snapshot' -d 'Capture this machine into a snapshot directory or .tar.gz, for support or to replay anywhere.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl" -eq 1' -fa 'health' -d 'Is this VM a healthy Hyper-V guest? Documented checks, an exit status CI can trust.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl" -eq 1' -fa 'metrics' -d 'Prometheus metrics for node_exporter\'s textfile collector.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl info" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl info" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl info" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl info" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl info" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl info" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl info" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl info" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl detect" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl detect" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl detect" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl detect" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl detect" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl detect" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl detect" q quiet' -s 'q' -l 'quiet' -d 'Print nothing; answer with the exit status only.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl detect" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl detect" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl features" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl features" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl features" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl features" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl features" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl features" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl features" source' -l 'source' -d 'Where the registers come from: auto (CPUID when it shows Hyper-V, else the kernel log), cpuid, kernel-log.' -rfka 'auto cpuid kernel-log'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl features" all' -l 'all' -d 'List every known flag, set or not, and every register.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl features" raw' -l 'raw' -d 'Print the raw registers of each leaf instead of decoding them.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl features" require' -l 'require' -d 'Exit 1 unless these flags are all set (comma-separated TLFS names or Linux macros).' -rfka ''
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl features" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl features" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl vmbus" -eq 1' -fa 'devices' -d 'The VMBus devices: class, driver, NUMA node, channels (what lsvmbus shows, and more).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl vmbus" -eq 1' -fa 'channels' -d 'One row per VMBus channel: target CPU, interrupts, events, ring fill, ring-full counts.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl vmbus" -eq 1' -fa 'version' -d 'The negotiated VMBus protocol version and what depends on it.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl vmbus" -eq 1' -fa 'set-cpu' -d 'Re-target one channel\'s interrupt to another CPU.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus devices" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus devices" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus devices" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus devices" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus devices" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus devices" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus devices"' -s 'v' -d '-v: relid to target CPU per channel; -vv: also GUIDs and sysfs paths.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus devices" class' -l 'class' -d 'Only devices of this class: a name (nic, scsi, kvp, ...) or a class GUID.' -rfka 'ide scsi fc nic nd pci framebuffer keyboard mouse kvp timesync heartbeat shutdown fcopy vss balloon avma1 avma2 rdv imc hv_sock'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus devices" o' -s 'o' -d 'Comma-separated columns to print, in that order (the headings, any case); prints the table alone.' -rfka '(__hvctl_custom_completion ---completion vmbus devices -- -o (count (__hvctl_tokens -pc)) (__hvctl_tokens -tC))'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus devices" n no-headings' -s 'n' -l 'no-headings' -d 'Omit the heading line, and print the table alone.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus devices" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus devices" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus channels" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus channels" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus channels" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus channels" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus channels" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus channels" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus channels" device' -l 'device' -d 'Only channels of the device with this instance GUID (a unique prefix will do).' -rfka ''
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus channels" class' -l 'class' -d 'Only channels of devices of this class: a name (nic, scsi, ...) or a class GUID.' -rfka 'ide scsi fc nic nd pci framebuffer keyboard mouse kvp timesync heartbeat shutdown fcopy vss balloon avma1 avma2 rdv imc hv_sock'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus channels" cpu' -l 'cpu' -d 'Only channels whose interrupt targets this CPU.' -rfka ''
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus channels" sort' -l 'sort' -d 'Sort by this column: numbers largest first, text A to Z, unknown values (-) last.' -rfka 'device guid class driver relid sub cpu interrupts events in-avail in-fill out-free out-fill in-mask out-mask pending latency out-full-first out-full'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus channels" o' -s 'o' -d 'Comma-separated columns to print.' -rfka '(__hvctl_custom_completion ---completion vmbus channels -- -o (count (__hvctl_tokens -pc)) (__hvctl_tokens -tC))'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus channels" list-columns' -l 'list-columns' -d 'List the available columns and exit.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus channels" n no-headings' -s 'n' -l 'no-headings' -d 'Omit the heading line.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus channels" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus channels" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus version" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus version" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus version" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus version" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus version" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus version" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus version" o' -s 'o' -d 'Comma-separated columns to print, in that order (the headings, any case); prints the table alone.' -rfka '(__hvctl_custom_completion ---completion vmbus version -- -o (count (__hvctl_tokens -pc)) (__hvctl_tokens -tC))'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus version" n no-headings' -s 'n' -l 'no-headings' -d 'Omit the heading line, and print the table alone.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus version" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus version" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus set-cpu" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus set-cpu" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus set-cpu" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus set-cpu" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus set-cpu" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus set-cpu" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus set-cpu" apply' -l 'apply' -d 'Make the change (otherwise only print it).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus set-cpu" force' -l 'force' -d 'Apply even when the negotiated VMBus version is unknown.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus set-cpu" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl vmbus set-cpu" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl cpu" -eq 1' -fa 'list' -d 'Possible, present, online and offline CPUs, and what each one is.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl cpu" -eq 1' -fa 'map' -d 'Per CPU: the VMBus channels whose interrupts target it, by class, and its VMBus interrupts.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl cpu" -eq 1' -fa 'offline-check' -d 'Whether CPUs can go offline now, and every reason they cannot.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl cpu" -eq 1' -fa 'evacuate' -d 'Move every VMBus channel interrupt off CPUs, so they can go offline.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl cpu" -eq 1' -fa 'restore' -d 'Put channels back where a journal of hvctl cpu evacuate says they were.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu list" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu list" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu list" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu list" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu list" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu list" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu list" o' -s 'o' -d 'Comma-separated columns to print, in that order (the headings, any case); prints the table alone.' -rfka '(__hvctl_custom_completion ---completion cpu list -- -o (count (__hvctl_tokens -pc)) (__hvctl_tokens -tC))'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu list" n no-headings' -s 'n' -l 'no-headings' -d 'Omit the heading line, and print the table alone.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu list" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu map" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu map" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu map" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu map" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu map" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu map" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu map" o' -s 'o' -d 'Comma-separated columns to print, in that order (the headings, any case); prints the table alone.' -rfka '(__hvctl_custom_completion ---completion cpu map -- -o (count (__hvctl_tokens -pc)) (__hvctl_tokens -tC))'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu map" n no-headings' -s 'n' -l 'no-headings' -d 'Omit the heading line, and print the table alone.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu map" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu map" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu offline-check" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu offline-check" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu offline-check" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu offline-check" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu offline-check" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu offline-check" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu offline-check" all' -l 'all' -d 'Check every online CPU (the default without a CPU list).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu offline-check" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu offline-check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu evacuate" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu evacuate" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu evacuate" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu evacuate" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu evacuate" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu evacuate" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu evacuate" to' -l 'to' -d 'Only move channels to these CPUs.' -rfka ''
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu evacuate" apply' -l 'apply' -d 'Make the moves (otherwise only the plan is printed).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu evacuate" offline' -l 'offline' -d 'After the moves, write 0 to each CPU\'s online file.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu evacuate" journal' -l 'journal' -d 'Write the moves made to FILE, for hvctl cpu restore.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu evacuate" force' -l 'force' -d 'Apply even when the negotiated VMBus version is unknown.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu evacuate" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu evacuate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu restore" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu restore" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu restore" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu restore" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu restore" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu restore" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl cpu restore" -eq 1' -F
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu restore" apply' -l 'apply' -d 'Make the moves (otherwise only the plan is printed).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu restore" force' -l 'force' -d 'Apply even when the negotiated VMBus version is unknown.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu restore" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl cpu restore" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl msr" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl msr" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl msr" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl msr" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl msr" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl msr" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_positional "hvctl msr" -ge 1' -fka 'guest_os_id hypercall vp_index reset vp_runtime time_ref_count reference_tsc tsc_frequency apic_frequency eoi icr tpr vp_assist_page scontrol sversion siefp simp eom sirbp sint0 sint1 sint2 sint3 sint4 sint5 sint6 sint7 sint8 sint9 sint10 sint11 sint12 sint13 sint14 sint15 stimer0_config stimer0_count stimer1_config stimer1_count stimer2_config stimer2_count stimer3_config stimer3_count guest_idle crash_p0 crash_p1 crash_p2 crash_p3 crash_p4 crash_ctl reenlightenment_control tsc_emulation_control tsc_emulation_status stime_unhalted_timer_config stime_unhalted_timer_count tsc_invariant_control'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl msr" cpu' -l 'cpu' -d 'Read CPU N (default 0).' -rfka ''
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl msr" all-cpus' -l 'all-cpus' -d 'Read every online CPU and show the values that differ.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl msr" raw' -l 'raw' -d 'Print the raw values only, without decoding.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl msr" force' -l 'force' -d 'Also read MSRs the partition is not granted (never the unsafe ones).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl msr" o' -s 'o' -d 'Comma-separated columns to print, in that order (the headings, any case); prints the table alone.' -rfka '(__hvctl_custom_completion ---completion msr -- -o (count (__hvctl_tokens -pc)) (__hvctl_tokens -tC))'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl msr" n no-headings' -s 'n' -l 'no-headings' -d 'Omit the heading line, and print the table alone.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl msr" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl msr" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl kernel" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl kernel" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl kernel" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl kernel" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl kernel" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl kernel" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl kernel" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl kernel" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl snapshot" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl snapshot" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl snapshot" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl snapshot" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl snapshot" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl snapshot" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl snapshot" o output' -s 'o' -l 'output' -d 'Write the snapshot to DIR, or to FILE.tar.gz (.tgz).' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl snapshot" list' -l 'list' -d 'List what a snapshot collects, why, what needs root and what is redacted; read nothing.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl snapshot" no-redact' -l 'no-redact' -d 'Keep host and VM names, MAC addresses, KVP pool values and DMI serials in the snapshot.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl snapshot" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl snapshot" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl health" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl health" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl health" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl health" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl health" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl health" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl health"' -l 'check' -d 'Run only this check (repeatable, or comma-separated).' -rfka 'hyperv.detected host.supported vmbus.version vmbus.devices_bound kernel.drivers vmbus.expected_devices clocksource reference_tsc.enabled channels.balance channels.offline_cpu rings.full cpu.phantom isolation.expected msr.crash_enabled kernel_log.errors'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl health"' -l 'skip' -d 'Do not run this check (repeatable, or comma-separated).' -rfka 'hyperv.detected host.supported vmbus.version vmbus.devices_bound kernel.drivers vmbus.expected_devices clocksource reference_tsc.enabled channels.balance channels.offline_cpu rings.full cpu.phantom isolation.expected msr.crash_enabled kernel_log.errors'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl health" config' -l 'config' -d 'Thresholds and expectations: a TOML or JSON file (keys in the discussion).' -rfa '(set -l exts \'toml\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl health" format' -l 'format' -d 'Output format: text, json, junit or tap (--json is --format json).' -rfka 'text json junit tap'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl health" fail-on' -l 'fail-on' -d 'Exit 1 on failed checks only (fail), or on warnings too (warn).' -rfka 'fail warn'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl health" list' -l 'list' -d 'List the checks (id, severity, title) and exit.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl health" o' -s 'o' -d 'Comma-separated columns to print, in that order (the headings, any case); prints the table alone.' -rfka '(__hvctl_custom_completion ---completion health -- -o (count (__hvctl_tokens -pc)) (__hvctl_tokens -tC))'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl health" n no-headings' -s 'n' -l 'no-headings' -d 'Omit the heading line, and print the table alone.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl health" q quiet' -s 'q' -l 'quiet' -d 'Print nothing (errors aside); answer with the exit status only, as grep -q does.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl health" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl health" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl metrics" snapshot' -l 'snapshot' -d 'Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl metrics" root' -l 'root' -d 'Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host\'s /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.' -rfa '(__hvctl_complete_directories)'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl metrics" kernel-log' -l 'kernel-log' -d 'Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine\'s.' -rF
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl metrics" json' -l 'json' -d 'Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl metrics" verbose' -l 'verbose' -d 'Print every warning on its own line (by default, warnings of one kind are counted on one line).'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl metrics" color' -l 'color' -d 'Colour text output: auto (a terminal without NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl metrics" o output' -s 'o' -l 'output' -d 'Write to FILE atomically (a temporary file renamed over it) instead of stdout.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'prom\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl metrics" config' -l 'config' -d 'hvctl health\'s configuration file (TOML or JSON).' -rfa '(set -l exts \'toml\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl metrics" version' -l 'version' -d 'Show the version.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl metrics" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hvctl' -n '__hvctl_should_offer_completions_for_flags_or_options "hvctl help" version' -l 'version' -d 'Show the version.'
