/**
 * Finds many patterns in one pass over a text (Aho-Corasick). Verification looks for every withheld value on every
 * page; one pass per page keeps that linear in the size of the file however many values there are. Memory is a few
 * integers per pattern character.
 */
export class PatternMatcher {
  private readonly symbols = new Map<number, number>();
  private readonly edges = new Map<number, number>();
  private readonly stride: number;
  /** Per node: index of the pattern ending there, or -1. */
  private readonly terminal: Int32Array;
  private readonly fail: Int32Array;
  /** Per node: nearest node on its fail chain where a pattern ends (0: none). */
  private readonly output: Int32Array;

  constructor(readonly patterns: readonly string[]) {
    for (const pattern of patterns) for (const character of pattern) this.symbolOf(character.codePointAt(0) as number, true);
    this.stride = this.symbols.size + 1;
    const terminal = [-1];
    const firstChild = [-1];
    const nextSibling = [-1];
    const symbolOfNode = [-1];
    patterns.forEach((pattern, index) => {
      let node = 0;
      for (const character of pattern) {
        const symbol = this.symbolOf(character.codePointAt(0) as number, false);
        let child = this.edges.get(node * this.stride + symbol);
        if (child === undefined) {
          child = terminal.length;
          terminal.push(-1);
          firstChild.push(-1);
          symbolOfNode.push(symbol);
          nextSibling.push(firstChild[node]);
          firstChild[node] = child;
          this.edges.set(node * this.stride + symbol, child);
        }
        node = child;
      }
      if (node > 0 && terminal[node] < 0) terminal[node] = index;
    });
    this.terminal = Int32Array.from(terminal);
    this.fail = new Int32Array(terminal.length);
    this.output = new Int32Array(terminal.length);
    this.linkFailures(firstChild, nextSibling, symbolOfNode);
  }

  /** Calls `onMatch(patternIndex, end)` for every occurrence; `end` is the UTF-16 index just after the match. */
  scan(text: string, onMatch: (patternIndex: number, end: number) => void): void {
    let state = 0;
    for (let index = 0; index < text.length; ) {
      const codePoint = text.codePointAt(index) as number;
      index += codePoint > 0xffff ? 2 : 1;
      const symbol = this.symbols.get(codePoint);
      if (symbol === undefined) {
        state = 0;
        continue;
      }
      state = this.next(state, symbol);
      for (let node = this.terminal[state] >= 0 ? state : this.output[state]; node > 0; node = this.output[node]) {
        onMatch(this.terminal[node], index);
      }
    }
  }

  private next(state: number, symbol: number): number {
    let current = state;
    for (;;) {
      const child = this.edges.get(current * this.stride + symbol);
      if (child !== undefined) return child;
      if (current === 0) return 0;
      current = this.fail[current];
    }
  }

  private linkFailures(firstChild: number[], nextSibling: number[], symbolOfNode: number[]): void {
    const queue: number[] = [];
    for (let child = firstChild[0]; child >= 0; child = nextSibling[child]) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      for (let child = firstChild[node]; child >= 0; child = nextSibling[child]) {
        queue.push(child);
        const fallback = this.next(this.fail[node], symbolOfNode[child]);
        this.fail[child] = fallback === child ? 0 : fallback;
        const target = this.fail[child];
        this.output[child] = this.terminal[target] >= 0 ? target : this.output[target];
      }
    }
  }

  private symbolOf(codePoint: number, create: boolean): number {
    let symbol = this.symbols.get(codePoint);
    if (symbol === undefined && create) {
      symbol = this.symbols.size + 1;
      this.symbols.set(codePoint, symbol);
    }
    return symbol as number;
  }
}
