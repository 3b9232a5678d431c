// Loaded with `node --require`: sends TLS connections for the hosts C8 Local advertises
// (api-<region>.<domain>, always port 443 for the drivers) to the loopback ports it really listens on,
// so the driver runs unchanged without editing /etc/hosts. C8_HOSTMAP = {"api-us-west.c8.local":"127.0.0.1:40123", ...}
"use strict";
const tls = require("tls");

const map = JSON.parse(process.env.C8_HOSTMAP || "{}");
const connect = tls.connect;

tls.connect = function (...args) {
  const options = args.find((a) => a && typeof a === "object");
  const target = options && map[options.host || options.servername];
  if (target) {
    const [host, port] = target.split(":");
    options.servername = options.servername || options.host;
    options.host = host;
    options.port = Number(port);
  }
  return connect.apply(this, args);
};
