import { RateLimitedLog } from './rate-limited-log';

describe('RateLimitedLog', () => {
  it('writes the first of a kind, holds back repeats within the interval, then reports how many it held', () => {
    const lines: string[] = [];
    let now = 0;
    const log = new RateLimitedLog((line) => lines.push(line), 30_000, () => now);
    for (let i = 0; i < 500; i++) {
      log.log('redis', 'redis unavailable');
      now += 100;
    }
    // 50 s of one error every 100 ms: the first line, and one after 30 s naming the 299 held back.
    expect(lines).toEqual(['redis unavailable', 'redis unavailable (299 more like it in the last 30 s)']);
    log.recovered('redis', 'redis is back');
    expect(lines[2]).toBe('redis is back (199 similar errors were not logged)');
    log.recovered('redis', 'redis is back');
    expect(lines).toHaveLength(3);
  });

  it('keeps kinds apart', () => {
    const lines: string[] = [];
    const log = new RateLimitedLog((line) => lines.push(line), 30_000, () => 0);
    log.log('a', 'A');
    log.log('b', 'B');
    log.log('a', 'A');
    expect(lines).toEqual(['A', 'B']);
  });
});
