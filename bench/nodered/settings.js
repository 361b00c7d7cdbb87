/**
 * Node-RED settings for the benchmark's peer pipeline (bench/nodered/README.md).
 *
 * `start` copies this file into the work directory, so the work directory is the user directory and
 * nothing outside it is written. No editor, no admin API, no telemetry, no module installs: the flow
 * is fixed and runs unattended on localhost.
 */

// This file runs from the work directory, not from bench/nodered: resolve pg from where red.js is, which
// is bench/nodered/node_modules/node-red, so the pg installed beside Node-RED is found.
const pg = require.main.require('pg');

/** Upper bounds of the latency buckets, in milliseconds; the harness expects exactly these. */
const BOUNDS_MS = [1, 2, 3, 5, 7, 10, 15, 20, 30, 40, 50, 60, 70, 80, 90, 100, 125, 150, 200, 250, 300,
    400, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000, 30000, 60000];

/** A latency histogram; `toJSON` gives cumulative counts per upper bound, plus one for +Inf. */
function histogram() {
    const counts = new Array(BOUNDS_MS.length + 1).fill(0);
    return {
        observe(ms) {
            let i = 0;
            while (i < BOUNDS_MS.length && ms > BOUNDS_MS[i]) {
                i++;
            }
            counts[i]++;
        },
        toJSON() {
            let sum = 0;
            return { bounds: BOUNDS_MS, counts: counts.map(c => (sum += c)) };
        }
    };
}

/**
 * The counters the flow keeps and `GET /stats` serves. They live in memory only and start at zero with
 * the process. Measurement, not pipeline: the flow increments them, it does not depend on them.
 */
const stats = {
    handled: 0,
    rejected: 0,
    alerts: 0,
    alertsCommitted: 0,
    latency: { handled: histogram(), alert: histogram() }
};

module.exports = {
    userDir: __dirname,
    flowFile: 'flows.json',
    // flows_cred.json (written by start only when MQTT_USER is set) holds ${MQTT_USER}/${MQTT_PASSWORD}
    // references, not secrets, so it need not be encrypted, and no key has to be kept.
    credentialSecret: false,
    flowFilePretty: true,

    uiHost: '127.0.0.1',
    uiPort: Number(process.env.NR_PORT || 18880),
    httpAdminRoot: false,
    httpNodeRoot: '/',
    disableEditor: true,

    functionGlobalContext: { pg, stats },
    functionExternalModules: false,
    functionTimeout: 0,
    globalFunctionTimeout: 0,
    exportGlobalContextKeys: false,
    externalModules: {
        autoInstall: false,
        palette: { allowInstall: false, allowUpdate: false, allowUpload: false },
        modules: { allowInstall: false }
    },

    mqttReconnectTime: 2000,

    diagnostics: { enabled: false, ui: false },
    runtimeState: { enabled: false, ui: false },
    telemetry: { enabled: false, updateNotification: false },
    logging: {
        console: { level: 'warn', metrics: false, audit: false }
    },
    editorTheme: { tours: false }
};
