// What every jsC8 worker shares with the PSC8.Client ones (bench/PSC8.Bench/Workers/WorkerContext.cs): settings
// from the environment, a logged-in client, and the harness protocol — READY once warmed up, wait for GO, then
// one RESULT line of JSON with the process's own CPU time and peak resident set.
"use strict";
const fs = require("fs");
const readline = require("readline");
const jsc8 = require("jsc8");

const setting = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

async function connect() {
  const client = new jsc8(setting("C8_URL"));
  await client.login(setting("C8_EMAIL"), setting("C8_PASSWORD"));
  client.useFabric(process.env.C8_FABRIC || "_system");
  return client;
}

function waitForGo() {
  console.log("READY");
  const lines = readline.createInterface({ input: process.stdin });
  return new Promise((resolve, reject) => {
    lines.once("line", (line) => {
      lines.close();
      process.stdin.destroy(); // an open stdin would keep the process alive after its work
      if (line === "GO") resolve();
      else reject(new Error(`expected GO from the harness, got '${line}'`));
    });
  });
}

// The measured part: wall clock and this process's CPU (user + system), from GO to the end of the work.
function startMeter() {
  const cpu = process.cpuUsage();
  const wall = process.hrtime.bigint();
  return () => {
    const used = process.cpuUsage(cpu);
    return { seconds: Number(process.hrtime.bigint() - wall) / 1e9, cpuSeconds: (used.user + used.system) / 1e6 };
  };
}

function peakRssBytes() {
  const line = fs.readFileSync("/proc/self/status", "utf8").split("\n").find((l) => l.startsWith("VmHWM:"));
  return Number(line.split(/\s+/)[1]) * 1024;
}

// Besides the result: peak resident set, and the whole process's CPU so far (start-up, JIT and warm-up included).
function report(result) {
  const total = process.cpuUsage();
  const processCpuSeconds = (total.user + total.system) / 1e6;
  console.log("RESULT " + JSON.stringify({ ...result, peakRssBytes: peakRssBytes(), processCpuSeconds }));
}

function run(main) {
  main().catch((error) => {
    console.error(`jsC8 worker failed: ${error.stack || error.message} (errorNum ${error.errorNum}, status ${error.statusCode})`);
    process.exit(1);
  });
}

module.exports = { setting, connect, waitForGo, startMeter, report, run };
