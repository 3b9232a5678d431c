// The documented spot-collection flow as the jsC8 sample writes it (DRIVER-FLOWS.md, part B),
// run against C8 Local. Prints one JSON line per step; the xUnit test reads and checks them.
"use strict";
const jsc8 = require("jsc8");

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const globalUrl = env("C8_URL");
const regionUrls = env("C8_REGION_URLS").split(",");
const regionNames = env("C8_REGIONS").split(",");
const spotDc = env("C8_SPOT_DC");
const email = env("C8_EMAIL");
const password = env("C8_PASSWORD");
const fabricName = env("C8_FABRIC");
const collectionName = "accounts";
const readQuery = "FOR account IN accounts RETURN account";
const data = [
  { firstname: "Peter", lastname: "Parker", City: "NewYork" },
  { firstname: "Bruce", lastname: "Wayne", City: "Gotham" },
  { firstname: "Clark", lastname: "Kent", City: "Manhatten" },
  { firstname: "Ned", lastname: "Stark", City: "Winterfell" },
  { firstname: "Tywin", lastname: "Lannister", City: "Kings Landing" },
];

const report = (step, detail) => console.log(JSON.stringify({ step, ...detail }));

(async () => {
  const client = new jsc8(globalUrl);
  await client.login(email, password);
  report("login", {});

  const regions = await client.getDcList();
  report("regions", { names: regions[0].dcInfo.map((dc) => dc.name) });

  client.useFabric(fabricName);
  const exists = await client.exists();
  if (!exists) {
    client.useFabric("_system");
    await client.createFabric(fabricName, ["root"], { dcList: regionNames, spotDc });
    client.useFabric(fabricName);
  }
  const properties = await client.get();
  report("fabric", { existed: exists, spotDc: properties.options.spotDc });

  if (!(await client.hasCollection(collectionName))) {
    await client.createCollection(collectionName, { isSpot: true });
  }
  const collection = await client.getCollection(collectionName);
  report("collection", { isSpot: collection.isSpot });

  const inserted = await client.insertDocumentMany(collectionName, data);
  report("insert", { count: inserted.length, errors: inserted.filter((r) => r.error).length });

  const rows = await client.executeQuery(readQuery);
  report("read", { region: "global", count: rows.length });

  for (let i = 0; i < regionUrls.length; i++) {
    const regionClient = new jsc8(regionUrls[i]);
    await regionClient.login(email, password);
    regionClient.useFabric(fabricName);
    const local = await regionClient.getLocalEdgeLocation();
    const regionRows = await regionClient.executeQuery(readQuery);
    report("read", { region: local.name, count: regionRows.length, names: regionRows.map((r) => r.firstname).sort() });
  }

  // Issue 18, item 1: paging a cursor through the driver's own calls; count is on every batch.
  const cursor = await client.query("FOR i IN 1..5 RETURN i", {}, { count: true, batchSize: 2 });
  const cursorId = cursor._id;
  const second = await client.nextBatchFromCursor(cursorId);
  await client.deleteCursor(cursorId);
  const gone = await client.deleteCursor(cursorId).then(() => null, (e) => e);
  report("cursor", {
    count: cursor.count,
    nextCount: second.count,
    nextResult: second.result,
    goneStatus: gone && gone.statusCode,
    goneErrorNum: gone && gone.errorNum,
  });

  // Issue 18, item 6: an edge saved through the driver's /document?collection= form, to vertices that do not exist,
  // and explainQuery at /_api/explain.
  await client.createCollection("links", {}, true);
  const edge = await client.edgeCollection("links").save({ _key: "e1", _from: "people/nobody", _to: "places/nowhere" });
  const explained = await client.explainQuery({ query: "FOR l IN links RETURN l" });
  report("edge", {
    id: edge._id,
    explainedCollections: explained.plan.collections.map((c) => c.name),
    nodeCosts: explained.plan.nodes.every((n) => typeof n.estimatedCost === "number"),
  });
  await client.deleteCollection("links");

  // Issue 18, item 4: attributes of an API key and of a user through the driver's calls.
  client.useFabric("_system");
  await client.createApiKey("interop_key");
  await client.createUpdateApikeyAttributes("interop_key", { team: "blue", tier: "gold" });
  await client.deleteApikeyAttribute("interop_key", "tier");
  const keyAttributes = await client.getApikeyAttributes("interop_key");
  await client.removeApiKey("interop_key");
  const goneKey = await client.getApikeyAttributes("interop_key").then(() => null, (e) => e);
  await client.createUpdateUserAttributes("root", { desk: "7" });
  const userAttributes = await client.getUserAttributes("root");
  report("attributes", {
    key: keyAttributes.result,
    goneKeyErrorNum: goneKey && goneKey.errorNum,
    user: userAttributes.result,
  });
  client.useFabric(fabricName);

  await client.deleteCollection(collectionName);
  client.useFabric("_system");
  await client.dropFabric(fabricName);
  report("cleanup", { done: true });
})().catch((error) => {
  console.error(`jsC8 flow failed: ${error.message} (errorNum ${error.errorNum}, status ${error.statusCode})`);
  process.exit(1);
});
