import type { parser as StreamJsonParser } from 'stream-json';

export type JsonToken = StreamJsonParser.Token;

/** stream-json's bare tokenizer: text in, a `many(tokens)` wrapper (or the `none` symbol) out, synchronously. */
type BareTokenizer = (text: string) => { values: JsonToken[] } | symbol;

/*
 * stream-json 3 is ESM with an exports map. Node >= 20.19 require()s it; this repo's TypeScript resolves
 * the node10 way and cannot see the subpath, so the documented bare tokenizer (`jsonParser`, no UTF-8
 * front) is required by hand and typed from the package's own types. We want the bare, synchronous one
 * because it lets us feed text a line at a time and know which line each token came from.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { jsonParser } = require('stream-json/parser.js') as {
  jsonParser: (options?: StreamJsonParser.ParserOptions) => BareTokenizer;
};

/**
 * A stateful tokenizer: feed successive pieces of one JSON text; each call returns the tokens completed so far.
 * Keys, strings and numbers come as start/chunk/end tokens, never packed: packing would hold a value of any
 * size in memory before we could refuse it. JsonExportAssembler joins the chunks up to its own limits.
 */
export function createJsonTokenizer(): (text: string) => readonly JsonToken[] {
  const tokenize = jsonParser({ packValues: false, streamValues: true });
  return (text) => {
    const result = tokenize(text);
    return typeof result === 'object' ? result.values : [];
  };
}
