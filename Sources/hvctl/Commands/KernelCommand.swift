import ArgumentParser
import HyperVKit

struct KernelCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "The guest kernel's Hyper-V support: config options, modules, and why a VMBus device is unbound.",
        discussion: """
            Reports the running kernel's release; CONFIG_HYPERV and every Hyper-V driver option as y (built \
            in), m (module), not set, or absent (its dependencies are off), read from /proc/config.gz, else \
            /boot/config-<release> (the Config line says which, or that neither exists); each option's \
            module as loaded (/sys/module/<name> with initstate), built in (/sys/module/<name> without \
            initstate, or a registered VMBus driver without a /sys/module entry, or =y), not loaded (=m) or \
            not built, with its parameters (hv_vmbus max_version, ...); and for every VMBus device the bound \
            driver or why there is none: the class has no Linux driver, the driver is not built, built as a \
            module that is not loaded (modprobe it), loaded but not bound (look for its probe error in the \
            kernel log), or driver_override names a driver that is not loaded. Without a config, a module \
            that is not seen is reported as not loaded.

            JSON (schema_version 1): kernel_release, architecture, config {source (path or null), tried[]}, \
            hyperv {value ("y", "m", "not_set" or null), inferred (from /sys/module/hv_vmbus when there is \
            no config)}, options[] (name, kind "tristate"|"bool", value ("y", "m", "not_set", "absent", \
            other text, or null without a config), module, module_state ("loaded", "builtin", \
            "not_loaded", "not_built" or null), initstate, drivers[], drivers_registered[], parameters[] \
            {name, value}, summary, kconfig), vmbus_present, devices[] (device_id, class_id, class_name, \
            class_short_name, driver, driver_override, status ("bound", "no_linux_driver", \
            "unknown_class", "not_built", "module_not_loaded", "loaded_not_bound", \
            "override_not_registered", "binds_by_new_id"), explained (false only for loaded_not_bound), \
            candidates[], message), summary {devices, with_linux_driver, bound, unexplained, problems[]}, \
            diagnostics.

            Exit status: 0 when every VMBus device whose class has a Linux driver is bound (also when there \
            is no VMBus, or /sys was not captured); 1 when one is not.
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws { try runReport() }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let report = KernelSupportReportBuilder.build(KernelSupportReader.read(context.machine))
        var output = CommandOutput()
        output.stdout = try CommandRunner.render(report, context: context) {
            KernelText(report: report, color: context.color).render()
        }
        output.warn(report.diagnostics)
        if !report.unboundDevicesWithDriver.isEmpty { output.status = .answerNo }
        return output
    }
}
