package io.hallwatch.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A systemd unit file as sections of keys, each with the values of its lines, and the systemd
 * directives this project's units may use. A key outside them is a typo (systemd only warns and ignores
 * it, leaving the service less protected than the file reads) or a directive to add to {@link #KNOWN}.
 */
record UnitFile(Map<String, Map<String, List<String>>> sections) {

    static final Map<String, Set<String>> KNOWN = Map.of(
            "Unit", Set.of("Description", "Documentation", "Wants", "Requires", "Requisite", "BindsTo", "PartOf",
                    "Conflicts", "Before", "After", "ConditionPathExists", "AssertPathExists", "StartLimitIntervalSec",
                    "StartLimitBurst"),
            "Service", Set.of("Type", "User", "Group", "DynamicUser", "SupplementaryGroups", "EnvironmentFile",
                    "Environment", "WorkingDirectory", "ExecStartPre", "ExecStart", "ExecStartPost", "ExecReload",
                    "ExecStop", "SuccessExitStatus", "TimeoutStartSec", "TimeoutStopSec", "Restart", "RestartSec",
                    "KillMode", "KillSignal", "StateDirectory", "StateDirectoryMode", "LogsDirectory",
                    "CacheDirectory", "ConfigurationDirectory", "RuntimeDirectory", "ReadWritePaths", "ReadOnlyPaths",
                    "InaccessiblePaths", "UMask", "LimitNOFILE", "Nice", "OOMScoreAdjust", "MemoryMax", "CPUQuota",
                    "NoNewPrivileges", "ProtectSystem", "ProtectHome", "PrivateTmp", "PrivateDevices", "PrivateUsers",
                    "ProtectKernelTunables", "ProtectKernelModules", "ProtectKernelLogs", "ProtectControlGroups",
                    "ProtectClock", "ProtectHostname", "ProtectProc", "ProcSubset", "RestrictNamespaces",
                    "RestrictRealtime", "RestrictSUIDSGID", "LockPersonality", "RemoveIPC", "CapabilityBoundingSet",
                    "AmbientCapabilities", "RestrictAddressFamilies", "SystemCallArchitectures", "SystemCallFilter",
                    "SystemCallErrorNumber", "MemoryDenyWriteExecute", "DevicePolicy", "IPAddressAllow",
                    "IPAddressDeny"),
            "Install", Set.of("WantedBy", "RequiredBy", "Alias", "Also"));

    static UnitFile parse(String text) {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String raw : text.replace("\\\n", " ").split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), s -> new LinkedHashMap<>());
            } else if (current == null || !line.contains("=")) {
                throw new IllegalArgumentException("not a unit file line: " + line);
            } else {
                String[] pair = line.split("=", 2);
                current.computeIfAbsent(pair[0].strip(), k -> new ArrayList<>()).add(pair[1].strip());
            }
        }
        return new UnitFile(sections);
    }

    /** The last value of a key (systemd's rule for single-valued keys), or null. */
    String value(String section, String key) {
        List<String> values = sections.getOrDefault(section, Map.of()).get(key);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** Section and key of every line systemd does not know, as {@code [Section] Key}. */
    List<String> unknownKeys() {
        List<String> unknown = new ArrayList<>();
        sections.forEach((section, keys) -> keys.keySet().stream()
                .filter(key -> !KNOWN.getOrDefault(section, Set.of()).contains(key))
                .forEach(key -> unknown.add("[" + section + "] " + key)));
        return unknown;
    }
}
