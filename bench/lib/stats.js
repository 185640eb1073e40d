'use strict';

/** The q-quantile (0..1) of numbers, nearest rank. */
function quantile(values, q) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Runs `work(i)` for i in [0, count) with at most `concurrency` in flight. */
async function pool(count, concurrency, work) {
  let next = 0;
  const results = new Array(count);
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) {
      const i = next++;
      results[i] = await work(i);
    }
  }));
  return results;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { quantile, pool, sleep };
