// jsC8's key-value calls and version(), as its own src/test/34-keyvalue.ts and 01-manipulating-fabrics.ts make them,
// run against C8 Local. Prints one JSON line per step; the xUnit test reads and checks them.
"use strict";
const jsc8 = require("jsc8");

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const report = (step, detail) => console.log(JSON.stringify({ step, ...detail }));

(async () => {
  const client = new jsc8(env("C8_URL"));
  await client.login(env("C8_EMAIL"), env("C8_PASSWORD"));

  const version = await client.version(true);
  report("version", { server: version.server, overwriteMode: version.details.overwriteMode });

  const keyValue = client.keyValue("kv_collection");
  const created = await keyValue.createCollection();
  report("create", { name: created.name });
  const collections = await client.getKVCollections();
  report("collections", { names: collections.result.map((c) => c.name) });

  const put = async () => keyValue.insertKVPairs([{ _key: "kv", value: { val: 123 }, expireAt: 0 }]);
  await put();
  report("count", { count: (await keyValue.getKVCount()).count });
  report("keys", { keys: (await keyValue.getKVKeys()).result });
  report("value", { val: (await keyValue.getValueForKey("kv")).value.val });
  report("values", { val: (await keyValue.getKVCollectionValues(["kv"])).result[0].value.val });
  report("deleteOne", { key: (await keyValue.deleteEntryForKey("kv"))._key });
  await put();
  report("deleteMany", { key: (await keyValue.deleteEntryForKeys(["kv"]))[0]._key });
  await put();
  report("truncate", { body: await keyValue.truncateKVCollectionByName() });
  report("truncated", { count: (await keyValue.getKVCount()).count });

  await keyValue.deleteCollection();
  try {
    await keyValue.getKVCount();
    report("dropped", { errorNum: 0 });
  } catch (error) {
    report("dropped", { errorNum: error.errorNum });
  }
})().catch((error) => {
  console.error(`jsC8 key-value calls failed: ${error.message} (errorNum ${error.errorNum}, status ${error.statusCode})`);
  process.exit(1);
});
