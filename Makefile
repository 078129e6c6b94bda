# Builds, installs and packages hvctl as one fully static binary: everything is linked in, so it
# runs on any x86_64 Linux guest, with no Swift toolchain, no libcpuid and whatever libc it has.
#
#   make                      the stripped static binary, .build-static/hvctl
#   make install              to PREFIX (default /usr/local), staged under DESTDIR if set
#   make uninstall            removes exactly what install put there
#   make deb                  hvctl_<version>_<arch>.deb (see .ci/build-deb)
#
# Where things go (each can be overridden, e.g. ZSH_COMPLETION_DIR=...). Tried in a Debian 12
# chroot with bash-completion 2.11, zsh 5.9 and fish 3.6, both for PREFIX=/usr and /usr/local:
#   hvctl  $(PREFIX)/bin/hvctl
#   man    $(PREFIX)/share/man/man1/hvctl*.1.gz (gzip -9 -n, as Debian ships them)
#   bash   $(PREFIX)/share/bash-completion/completions/hvctl: bash-completion loads it on first
#          use of hvctl under /usr and /usr/local alike (it searches $XDG_DATA_DIRS, by default
#          /usr/local/share:/usr/share).
#   zsh    $(PREFIX)/share/zsh/site-functions/_hvctl, which zsh searches under /usr/local on
#          every distribution and under /usr on Fedora, Arch and SUSE. Debian and Ubuntu's zsh
#          searches /usr/share/zsh/vendor-completions instead of /usr/share/zsh/site-functions,
#          so PREFIX=/usr on a Debian system (and the .deb) installs there.
#   fish   $(PREFIX)/share/fish/vendor_completions.d/hvctl.fish. fish finds it under /usr always,
#          and under /usr/local only when $XDG_DATA_DIRS names /usr/local/share (desktop sessions
#          set it, a plain ssh login does not): there, copy it to ~/.config/fish/completions/.
#   systemd  $(SYSTEMD_UNIT_DIR)/hvctl-metrics.{service,timer}, installed disabled (the .deb puts
#          them in /lib/systemd/system; /usr/local/lib/systemd/system is on systemd's unit path too):
#          systemctl enable --now hvctl-metrics.timer writes hvctl metrics for node_exporter
#   rules  $(PREFIX)/share/hvctl/prometheus/hvctl-alerts.yml, Prometheus alerting rules for a fleet
#   docs   $(PREFIX)/share/doc/hvctl/{json-schema,health,snapshot-format}.md, which --help names

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
STRIP ?= strip
INSTALL ?= install

BINDIR ?= $(PREFIX)/bin
MAN1DIR ?= $(PREFIX)/share/man/man1
SYSTEMD_UNIT_DIR ?= $(PREFIX)/lib/systemd/system
RULES_DIR ?= $(PREFIX)/share/hvctl/prometheus
DOCDIR ?= $(PREFIX)/share/doc/hvctl
DOCS = docs/json-schema.md docs/health.md docs/snapshot-format.md
BASH_COMPLETION_DIR ?= $(PREFIX)/share/bash-completion/completions
FISH_COMPLETION_DIR ?= $(PREFIX)/share/fish/vendor_completions.d
ifeq ($(PREFIX)$(wildcard /etc/debian_version),/usr/etc/debian_version)
ZSH_COMPLETION_DIR ?= $(PREFIX)/share/zsh/vendor-completions
else
ZSH_COMPLETION_DIR ?= $(PREFIX)/share/zsh/site-functions
endif

# A scratch path of its own, so the static build never invalidates the everyday debug build.
SCRATCH = .build-static
STATIC_LIBS = $(SCRATCH)/static-libs
BINARY = $(SCRATCH)/hvctl
MAN_PAGES = $(wildcard man/*.1)

.PHONY: all install uninstall deb clean
all: $(BINARY)

# A folder holding only libcpuid.a, and a libcpuid.pc whose -L names it: pkg-config finds this
# libcpuid.pc first (PKG_CONFIG_PATH), so the linker's -lcpuid can only pick the archive
# (build-notes.md, "A portable binary").
#
# The binary is fully static (issue 15): no program interpreter, no shared library, so it runs on
# any x86_64 Linux with kernel 3.2 or newer (glibc's own minimum, `file` prints it), whatever its
# libc: Debian 11 and Ubuntu 20.04 (glibc 2.31), RHEL 8 (2.28), and an empty root. What that costs,
# checked (README "Install"):
# - glibc, libstdc++, the Swift runtime, libcpuid and zlib are linked in. zlib's security updates
#   therefore need a rebuild of hvctl; the inflater only ever reads what hvctl's own archive
#   reader bounds (256 MiB, 120,000 members, 60 s).
# - Static glibc cannot load NSS modules or dlopen reliably. hvctl never looks up a user or group
#   (no getpwuid, no FileManager owner names, no ~ expansion) and loads nothing; the linker's
#   warnings about getpwuid_r/getgrnam_r/dlopen name code in Foundation and the runtime that hvctl
#   does not reach, which .ci/test-package checks with strace (no nsswitch.conf, no libnss_*).
# - The Swift runtime finds its command line in /proc/self/cmdline: /proc must be mounted.
$(STATIC_LIBS)/libcpuid.pc:
	mkdir -p $(STATIC_LIBS)
	ln -sf "$$(pkg-config --variable=libdir libcpuid)/libcpuid.a" $(STATIC_LIBS)/libcpuid.a
	printf '%s\n' \
	    "libdir=$(CURDIR)/$(STATIC_LIBS)" \
	    "includedir=$$(pkg-config --variable=includedir libcpuid)" \
	    "Name: libcpuid" \
	    "Description: libcpuid, static only (hvctl's portable build)" \
	    "Version: $$(pkg-config --modversion libcpuid)" \
	    'Libs: -L$${libdir} -lcpuid' \
	    'Cflags: -I$${includedir}' >$@

# libarchive's own libarchive.pc names every library Debian built it with (nettle, acl, lz4,
# libxml2 ...); hvctl registers only the tar format and the gzip, xz, bzip2 and zstd filters, so
# the static link needs just these four (issue 17; `gcc -static` on a test program agreed).
$(STATIC_LIBS)/libarchive.pc: $(STATIC_LIBS)/libcpuid.pc
	printf '%s\n' \
	    "libdir=$$(pkg-config --variable=libdir libarchive)" \
	    "includedir=$$(pkg-config --variable=includedir libarchive)" \
	    "Name: libarchive" \
	    "Description: libarchive, tar with gzip/xz/bzip2/zstd only (hvctl's portable build)" \
	    "Version: $$(pkg-config --modversion libarchive)" \
	    'Libs: -L$${libdir} -larchive -llzma -lzstd -lbz2 -lz' \
	    'Cflags: -I$${includedir}' >$@

# Rebuilt when a source changes, so `sudo make install` after `make` only copies files.
# -static-executable links everything in (above); --disable-local-rpath: no RUNPATH $ORIGIN.
# The strip options are dh_strip's.
SOURCES = Makefile Package.swift $(shell find Sources -type f)
$(BINARY): $(STATIC_LIBS)/libcpuid.pc $(STATIC_LIBS)/libarchive.pc $(SOURCES)
	PKG_CONFIG_PATH="$(CURDIR)/$(STATIC_LIBS)" $(SWIFT) build -c release --product hvctl \
	    -Xswiftc -static-executable --disable-local-rpath --scratch-path $(SCRATCH)
	$(STRIP) --remove-section=.comment --remove-section=.note -o $@ $(SCRATCH)/release/hvctl

# install(1) with explicit modes: a umask of 077 on the building machine must not leak into the
# package. Man pages are gzipped with -n (no name, no time stamp), so two builds are identical.
install: $(BINARY)
	$(INSTALL) -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MAN1DIR)" "$(DESTDIR)$(BASH_COMPLETION_DIR)" \
	    "$(DESTDIR)$(ZSH_COMPLETION_DIR)" "$(DESTDIR)$(FISH_COMPLETION_DIR)"
	$(INSTALL) -m 0755 $(BINARY) "$(DESTDIR)$(BINDIR)/hvctl"
	for page in $(MAN_PAGES); do \
	    gzip -9 -n -c "$$page" >"$(DESTDIR)$(MAN1DIR)/$${page##*/}.gz" && \
	    chmod 0644 "$(DESTDIR)$(MAN1DIR)/$${page##*/}.gz" || exit 1; \
	done
	# A completion file is sourced, not run: without the #! line the generator writes.
	sed '1{/^#!/d;}' completions/hvctl.bash >"$(DESTDIR)$(BASH_COMPLETION_DIR)/hvctl"
	chmod 0644 "$(DESTDIR)$(BASH_COMPLETION_DIR)/hvctl"
	$(INSTALL) -m 0644 completions/_hvctl "$(DESTDIR)$(ZSH_COMPLETION_DIR)/_hvctl"
	$(INSTALL) -m 0644 completions/hvctl.fish "$(DESTDIR)$(FISH_COMPLETION_DIR)/hvctl.fish"
	# The unit runs the hvctl this installs: its ExecStart names BINDIR as installed (no DESTDIR).
	$(INSTALL) -d "$(DESTDIR)$(SYSTEMD_UNIT_DIR)" "$(DESTDIR)$(RULES_DIR)"
	sed 's|@BINDIR@|$(BINDIR)|g' contrib/systemd/hvctl-metrics.service.in \
	    >"$(DESTDIR)$(SYSTEMD_UNIT_DIR)/hvctl-metrics.service"
	chmod 0644 "$(DESTDIR)$(SYSTEMD_UNIT_DIR)/hvctl-metrics.service"
	$(INSTALL) -m 0644 contrib/systemd/hvctl-metrics.timer "$(DESTDIR)$(SYSTEMD_UNIT_DIR)/hvctl-metrics.timer"
	$(INSTALL) -m 0644 contrib/prometheus/hvctl-alerts.yml "$(DESTDIR)$(RULES_DIR)/hvctl-alerts.yml"
	# The documents --json and the man pages point at: the JSON schema, the checks, the snapshot format.
	$(INSTALL) -d "$(DESTDIR)$(DOCDIR)"
	$(INSTALL) -m 0644 $(DOCS) "$(DESTDIR)$(DOCDIR)/"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/hvctl" \
	    $(patsubst man/%,"$(DESTDIR)$(MAN1DIR)/%.gz",$(MAN_PAGES)) \
	    "$(DESTDIR)$(BASH_COMPLETION_DIR)/hvctl" \
	    "$(DESTDIR)$(ZSH_COMPLETION_DIR)/_hvctl" \
	    "$(DESTDIR)$(FISH_COMPLETION_DIR)/hvctl.fish" \
	    "$(DESTDIR)$(SYSTEMD_UNIT_DIR)/hvctl-metrics.service" \
	    "$(DESTDIR)$(SYSTEMD_UNIT_DIR)/hvctl-metrics.timer" \
	    "$(DESTDIR)$(RULES_DIR)/hvctl-alerts.yml" \
	    $(patsubst docs/%,"$(DESTDIR)$(DOCDIR)/%",$(DOCS))
	-rmdir "$(DESTDIR)$(RULES_DIR)" "$(DESTDIR)$(PREFIX)/share/hvctl" "$(DESTDIR)$(DOCDIR)" 2>/dev/null

deb: $(BINARY)
	.ci/build-deb

clean:
	rm -rf $(SCRATCH) hvctl_*.deb
