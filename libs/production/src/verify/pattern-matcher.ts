/**
 * Finds many patterns in one pass over a text (Aho-Corasick). Verification looks for every withheld value on every
 * page; one pass per page keeps that linear in the size of the file however many values there are. Memory is a few
 * integers per pattern character, plus a fixed table of the Basic Multilingual Plane (256 KB).
 *
 * Each page is scanned five times, so the per-character step is flat arrays only: a code point's symbol is read from
 * a dense table (characters no pattern has go straight back to the root), the root's edges are a dense array by
 * symbol, and every other edge sits in an open-addressing hash table keyed by (node, symbol).
 */
const NONE = -1;
const BMP = 0x10000;
const GOLDEN = 0x9e3779b1;
const MIXER = 0x85ebca6b;
const SLOT = 3;

/** A scan going on past a join (PatternMatcher.continueAcross): its state (null: given up) and the units read since the join. */
export interface JoinedScan {
  state: number | null;
  read: number;
}

export class PatternMatcher {
  /** Per BMP code point: its symbol (0…n-1) if some pattern has it, else NONE; code points above the BMP in a Map. */
  private readonly bmpSymbols = new Int32Array(BMP).fill(NONE);
  private readonly astralSymbols = new Map<number, number>();
  /** The root's child per symbol (0: none, the root itself, which no edge leads to). */
  private readonly rootEdges: Int32Array;
  /** Edges below the root, three integers a slot (parent node or NONE for an empty slot, symbol, child): one cache line a probe. */
  private readonly edges: Int32Array;
  private readonly slots: number;
  /** Per node: index of the pattern ending there, or NONE. */
  private readonly terminal: Int32Array;
  private readonly fail: Int32Array;
  /** Per node: nearest node on its fail chain where a pattern ends (0: none). */
  private readonly output: Int32Array;
  /** Per node: length (UTF-16 units) of its path from the root, the text a scan in that state still holds. */
  private readonly depth: Int32Array;

  constructor(readonly patterns: readonly string[]) {
    // At most one node per pattern character, plus the root (node 0).
    let capacity = 1;
    let symbols = 0;
    for (const pattern of patterns) {
      for (const character of pattern) {
        capacity++;
        const codePoint = character.codePointAt(0) as number;
        // Stryker disable next-line ConditionalExpression: numbering a character again only leaves its first number unused
        if (this.symbolOf(codePoint) !== NONE) continue;
        if (codePoint < BMP) this.bmpSymbols[codePoint] = symbols++;
        else this.astralSymbols.set(codePoint, symbols++);
      }
    }
    this.rootEdges = new Int32Array(symbols);
    // Half again as many slots as nodes (an upper bound: patterns share prefixes), so probe runs stay short and
    // memory stays a few integers per pattern character.
    this.slots = Math.ceil(capacity * 1.5);
    this.edges = new Int32Array(SLOT * this.slots).fill(NONE);
    this.terminal = new Int32Array(capacity).fill(NONE);
    this.fail = new Int32Array(capacity);
    this.output = new Int32Array(capacity);
    this.depth = new Int32Array(capacity);
    // A node's children as a linked list (firstChild, nextSibling), for the breadth-first pass.
    const firstChild = new Int32Array(capacity).fill(NONE);
    const nextSibling = new Int32Array(capacity);
    const symbolOfNode = new Int32Array(capacity);
    let nodes = 1;
    patterns.forEach((pattern, index) => {
      let node = 0;
      for (const character of pattern) {
        const symbol = this.symbolOf(character.codePointAt(0) as number);
        let child = node === 0 ? this.rootEdges[symbol] || NONE : this.edge(node, symbol);
        if (child === NONE) {
          child = nodes++;
          nextSibling[child] = firstChild[node];
          firstChild[node] = child;
          symbolOfNode[child] = symbol;
          this.depth[child] = this.depth[node] + character.length;
          if (node === 0) this.rootEdges[symbol] = child;
          else this.addEdge(node, symbol, child);
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
    const bmpSymbols = this.bmpSymbols;
    const terminal = this.terminal;
    const output = this.output;
    let state = 0;
    // Stryker disable next-line EqualityOperator: one step past the end reads no code point, which only resets the state
    for (let end = 0; end < text.length; ) {
      const unit = text.charCodeAt(end);
      let symbol: number;
      // A high surrogate followed by a low one is a code point above the BMP; any other unit is its own code point.
      // Stryker disable next-line LogicalOperator,ConditionalExpression: the second branch reads any unit right (codePointAt); the first is the BMP's shortcut
      if (unit < 0xd800 || unit > 0xdbff) {
        symbol = bmpSymbols[unit];
        end++;
      } else {
        const codePoint = text.codePointAt(end) as number;
        symbol = this.symbolOf(codePoint);
        end += codePoint < BMP ? 1 : 2;
      }
      // A character no pattern has: only the root follows it (next() would walk the fail chain there too).
      // Stryker disable next-line ConditionalExpression: a shortcut only, next() of an unknown symbol is the root as well
      state = symbol === NONE ? 0 : this.next(state, symbol);
      for (let node = terminal[state] === NONE ? output[state] : state; node > 0; node = output[node]) {
        onMatch(terminal[node], end);
      }
    }
  }

  /** The state of a scan after `text`, begun in `state` (0: the root, a scan's start). */
  stateAfter(text: string, state = 0): number {
    let current = state;
    for (const character of text) {
      const symbol = this.symbolOf(character.codePointAt(0) as number);
      current = symbol === NONE ? 0 : this.next(current, symbol);
    }
    return current;
  }

  /** Where a scan stands after `before`, the text before a join (for continueAcross); null when no pattern goes on from it. */
  joinAfter(before: string): number | null {
    const state = this.stateAfter(before);
    // Stryker disable next-line ConditionalExpression: a shortcut only, continueAcross gives up at once in the root (its depth is 0)
    return state === 0 ? null : state;
  }

  /**
   * Goes on with `scan` (begun in joinAfter's state) into `text`, the next piece of what follows the join, and calls
   * `onMatch(patternIndex, end, before)` only for the matches that began before the join: `end` in `text`, `before`
   * the units of the match before the join. Gives up (the scan's state null) as soon as none can come any more.
   */
  continueAcross(scan: JoinedScan, text: string, onMatch: (patternIndex: number, end: number, before: number) => void): void {
    const read = scan.read;
    scan.read += text.length;
    let current = scan.state;
    if (current === null) return;
    // Stryker disable next-line EqualityOperator: one step past the end reads no code point, which only resets the state
    for (let end = 0; end < text.length; ) {
      // Nothing the state holds reaches back before the join: no later match can either (a step only shortens or
      // extends what it holds). Stryker disable next-line ConditionalExpression,EqualityOperator: giving up one step later, or never, reports nothing more: a match found then lies after the join
      if (this.depth[current] <= read + end) {
        scan.state = null;
        return;
      }
      const codePoint = text.codePointAt(end) as number;
      end += codePoint < BMP ? 1 : 2;
      const symbol = this.symbolOf(codePoint);
      current = symbol === NONE ? 0 : this.next(current, symbol);
      for (let node = this.terminal[current] === NONE ? this.output[current] : current; node > 0; node = this.output[node]) {
        const before = this.patterns[this.terminal[node]].length - (read + end);
        if (before > 0) onMatch(this.terminal[node], end, before);
      }
    }
    scan.state = current;
  }

  private symbolOf(codePoint: number): number {
    return codePoint < BMP ? this.bmpSymbols[codePoint] : (this.astralSymbols.get(codePoint) ?? NONE);
  }

  private slotOf(node: number, symbol: number): number {
    // A 32-bit hash scaled to the table (multiply and shift, not a modulo).
    // Stryker disable next-line ArithmeticOperator: any mix of the two spreads the keys; lookups only need the same slot as insertion
    return Math.floor((((Math.imul(node, GOLDEN) + Math.imul(symbol + 1, MIXER)) >>> 0) * this.slots) / 2 ** 32);
  }

  /** The next slot of a probe run, round to the first after the last. */
  private following(slot: number): number {
    // Stryker disable next-line ArithmeticOperator: "slot - 1" wraps one step later, past a slot beyond the end that reads as taken: the same probe order
    return slot + 1 === this.slots ? 0 : slot + 1;
  }

  /** The child of `node` (not the root) by `symbol`, or NONE. */
  private edge(node: number, symbol: number): number {
    const edges = this.edges;
    for (let slot = this.slotOf(node, symbol); ; slot = this.following(slot)) {
      const at = slot * SLOT;
      const parent = edges[at];
      if (parent === NONE) return NONE;
      if (parent === node && edges[at + 1] === symbol) return edges[at + 2];
    }
  }

  private addEdge(node: number, symbol: number, child: number): void {
    let slot = this.slotOf(node, symbol);
    while (this.edges[slot * SLOT] !== NONE) slot = this.following(slot);
    this.edges.set([node, symbol, child], slot * SLOT);
  }

  private next(state: number, symbol: number): number {
    let current = state;
    for (;;) {
      // The root's missing edges lead back to the root: rootEdges holds 0 for them.
      if (current === 0) return this.rootEdges[symbol];
      const child = this.edge(current, symbol);
      if (child !== NONE) return child;
      current = this.fail[current];
    }
  }

  /** Breadth first from the root: a node's failure link is the longest proper suffix of its path that is a node. */
  private linkFailures(firstChild: Int32Array, nextSibling: Int32Array, symbolOfNode: Int32Array): void {
    const queue = new Int32Array(firstChild.length);
    let queued = 1;
    for (let head = 0; head < queued; head++) {
      const node = queue[head];
      for (let child = firstChild[node]; child !== NONE; child = nextSibling[child]) {
        queue[queued++] = child;
        // A child of the root finds itself by its own edge: its proper suffix is empty, the root.
        const fallback = this.next(this.fail[node], symbolOfNode[child]);
        this.fail[child] = fallback === child ? 0 : fallback;
        const target = this.fail[child];
        this.output[child] = this.terminal[target] === NONE ? this.output[target] : target;
      }
    }
  }
}
