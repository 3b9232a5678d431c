// FOR d IN c RETURN d read to the end through a jsC8 cursor, batch by batch (cursor.each, batchSize C8_BATCH, a
// streaming cursor), touching each row's balance. Scans of the first C8_WARMUP rows go first, unmeasured, repeated
// until C8_WARMUP_SECONDS have passed. The counterpart of bench/PSC8.Bench/Workers/ScanWorker.cs.
"use strict";
const { setting, connect, waitForGo, startMeter, report, run } = require("./worker.cjs");

run(async () => {
  const collection = setting("C8_COLLECTION");
  const batch = Number(setting("C8_BATCH"));
  const expected = Number(process.env.C8_EXPECT || -1);
  const warmup = Number(process.env.C8_WARMUP || batch * 2);
  const warmupMs = Number(process.env.C8_WARMUP_SECONDS || 0) * 1000;
  const client = await connect();

  const scan = async (query) => {
    const cursor = await client.query(query, {}, { batchSize: batch, options: { stream: true } });
    let rows = 0;
    let checksum = 0;
    await cursor.each((row) => {
      rows++;
      checksum += row.balance;
    });
    return { rows, checksum };
  };
  const started = Date.now();
  do await scan(`FOR d IN ${collection} LIMIT ${warmup} RETURN d`);
  while (Date.now() - started < warmupMs);

  await waitForGo();
  const stop = startMeter();
  const { rows, checksum } = await scan(`FOR d IN ${collection} RETURN d`);
  const measured = stop();
  if (expected >= 0 && rows !== expected) throw new Error(`the scan returned ${rows} rows, not ${expected}`);
  report({ rows, checksum, ...measured });
});
