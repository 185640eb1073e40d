/**
 * Finds many patterns in one pass over a text (Aho-Corasick). Verification looks for every withheld value on every
 * page; one pass per page keeps that linear in the size of the file however many values there are. Memory is a few
 * integers per pattern character.
 */
const NONE = -1;

export class PatternMatcher {
  /** Each character of the patterns, by code point, as a symbol 0…n-1; an edge is keyed by node × n + symbol. */
  private readonly symbols = new Map<number, number>();
  private readonly edges = new Map<number, number>();
  private readonly stride: number;
  /** Per node: index of the pattern ending there, or NONE. */
  private readonly terminal: Int32Array;
  private readonly fail: Int32Array;
  /** Per node: nearest node on its fail chain where a pattern ends (0: none). */
  private readonly output: Int32Array;

  constructor(readonly patterns: readonly string[]) {
    // At most one node per pattern character, plus the root (node 0).
    let capacity = 1;
    for (const pattern of patterns) {
      for (const character of pattern) {
        capacity++;
        const codePoint = character.codePointAt(0) as number;
        if (!this.symbols.has(codePoint)) this.symbols.set(codePoint, this.symbols.size);
      }
    }
    this.stride = this.symbols.size;
    this.terminal = new Int32Array(capacity).fill(NONE);
    this.fail = new Int32Array(capacity);
    this.output = new Int32Array(capacity);
    // A node's children as a linked list (firstChild, nextSibling), for the breadth-first pass.
    const firstChild = new Int32Array(capacity).fill(NONE);
    const nextSibling = new Int32Array(capacity);
    const symbolOfNode = new Int32Array(capacity);
    let nodes = 1;
    patterns.forEach((pattern, index) => {
      let node = 0;
      for (const character of pattern) {
        const symbol = this.symbols.get(character.codePointAt(0) as number) as number;
        let child = this.edges.get(this.edgeKey(node, symbol));
        if (child === undefined) {
          child = nodes++;
          nextSibling[child] = firstChild[node];
          firstChild[node] = child;
          symbolOfNode[child] = symbol;
          this.edges.set(this.edgeKey(node, symbol), child);
        }
        node = child;
      }
      // The root may be marked by an empty pattern: matches are reported from nodes > 0 only, so it never matches.
      if (this.terminal[node] === NONE) this.terminal[node] = index;
    });
    this.linkFailures(firstChild, nextSibling, symbolOfNode);
  }

  /** Calls `onMatch(patternIndex, end)` for every occurrence; `end` is the UTF-16 index just after the match. */
  scan(text: string, onMatch: (patternIndex: number, end: number) => void): void {
    let state = 0;
    // Stryker disable next-line EqualityOperator: one step past the end reads no code point, which only resets the state
    for (let end = 0; end < text.length; ) {
      const codePoint = text.codePointAt(end) as number;
      end += codePoint > 0xffff ? 2 : 1;
      const symbol = this.symbols.get(codePoint);
      // A character no pattern has: only the root follows it (next() would walk the fail chain there too).
      // Stryker disable next-line ConditionalExpression: a shortcut only, next() of an unknown symbol is the root as well
      state = symbol === undefined ? 0 : this.next(state, symbol);
      for (let node = this.terminal[state] === NONE ? this.output[state] : state; node > 0; node = this.output[node]) {
        onMatch(this.terminal[node], end);
      }
    }
  }

  private edgeKey(node: number, symbol: number): number {
    // Stryker disable next-line ArithmeticOperator: node × stride − symbol is as collision-free a key as + symbol
    return node * this.stride + symbol;
  }

  private next(state: number, symbol: number): number {
    let current = state;
    for (;;) {
      const child = this.edges.get(this.edgeKey(current, symbol));
      if (child !== undefined) return child;
      if (current === 0) return 0;
      current = this.fail[current];
    }
  }

  /** Breadth first from the root: a node's failure link is the longest proper suffix of its path that is a node. */
  private linkFailures(firstChild: Int32Array, nextSibling: Int32Array, symbolOfNode: Int32Array): void {
    const queue = [0];
    for (const node of queue) {
      for (let child = firstChild[node]; child !== NONE; child = nextSibling[child]) {
        queue.push(child);
        // A child of the root finds itself by its own edge: its proper suffix is empty, the root.
        const fallback = this.next(this.fail[node], symbolOfNode[child]);
        this.fail[child] = fallback === child ? 0 : fallback;
        const target = this.fail[child];
        this.output[child] = this.terminal[target] === NONE ? this.output[target] : target;
      }
    }
  }
}
