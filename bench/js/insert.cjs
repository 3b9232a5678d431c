// Bulk insert through jsC8's insertDocumentMany, C8_BATCH documents per request and C8_INFLIGHT requests at a
// time, every per-item result checked; at least C8_WARMUP documents and C8_WARMUP_SECONDS first, unmeasured. The counterpart of bench/PSC8.Bench/Workers/InsertWorker.cs.
"use strict";
const { setting, connect, waitForGo, startMeter, report, run } = require("./worker.cjs");
const { pool } = require("./accounts.cjs");

run(async () => {
  const collection = setting("C8_COLLECTION");
  const docs = Number(setting("C8_DOCS"));
  const batch = Number(setting("C8_BATCH"));
  const warmup = Number(process.env.C8_WARMUP || batch);
  const inflight = Number(process.env.C8_INFLIGHT || 1);
  const warmupMs = Number(process.env.C8_WARMUP_SECONDS || 0) * 1000;
  const documents = pool(batch);
  const client = await connect();

  const insert = async (slice) => {
    const results = await client.insertDocumentMany(collection, slice);
    if (results.length !== slice.length || results.some((r) => r.error)) {
      throw new Error(`insert of ${slice.length} documents returned ${results.length} results with errors`);
    }
  };
  let warmed = 0;
  for (const started = Date.now(); warmed < warmup || Date.now() - started < warmupMs; warmed += batch) await insert(documents);

  await waitForGo();
  const stop = startMeter();
  let claimed = 0;
  const sender = async () => {
    // Each sender claims the next batch; the last one may be short.
    while (claimed < docs) {
      const count = Math.min(batch, docs - claimed);
      claimed += count;
      await insert(count === batch ? documents : documents.slice(0, count));
    }
  };
  await Promise.all(Array.from({ length: inflight }, sender));
  report({ docs, ...stop(), warmupDocs: warmed });
});
