// HTTP load with autocannon: req/s and latency percentiles; a run with errors or unexpected statuses is reported as such.
'use strict';
const autocannon = require('autocannon');

/**
 * Drives one route with `connections` concurrent keep-alive connections for `seconds`.
 * `requests` (optional) is autocannon's request list, e.g. to give each POST its own body.
 */
async function load({ url, connections = 50, seconds = 5, method = 'GET', headers = {}, body, requests, expectStatus = 200 }) {
  const result = await autocannon({ url, connections, duration: seconds, method, headers, body, requests, timeout: 30 });
  const statusOk = result[`${Math.floor(expectStatus / 100)}xx`] ?? 0;
  return {
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    unexpected: result.requests.total - statusOk,
  };
}

module.exports = { load };
