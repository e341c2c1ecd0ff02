// JSON request bodies, refused beyond a nesting depth before anything walks them. V8 parses a
// 1M-deep array happily, but everything after it (key folding, the schema, JSON.stringify of
// the original for the audit trail) recurses and dies with a RangeError: a 500 for the client
// and a stack overflow for us. A linear scan of the raw text finds the depth without recursion.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AppError, Errors } from '../errors.ts';

/** Deeper than any ninjs item (item → associations → association → renditions → rendition is 5). */
export const MAX_JSON_DEPTH = 32;

export function jsonTooDeep(maxDepth: number): AppError {
  return Errors.jsonTooDeep(maxDepth);
}

/** The deepest nesting of objects/arrays in `text`, stopping as soon as it exceeds `stopAbove`. */
export function jsonDepth(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return deepest;
}

/**
 * Registers the JSON parsers of a scope (application/json and the given extra types): the depth
 * check first, then Fastify's own parser (which refuses __proto__ and constructor.prototype).
 */
export function registerGuardedJsonParser(
  app: FastifyInstance,
  extraTypes: string[] = [],
  maxDepth = MAX_JSON_DEPTH,
): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  const guarded = (request: FastifyRequest, body: string, done: (err: Error | null, value?: unknown) => void) => {
    if (jsonDepth(body, maxDepth) > maxDepth) return done(jsonTooDeep(maxDepth));
    return parse(request, body, done);
  };
  if (app.hasContentTypeParser('application/json')) app.removeContentTypeParser('application/json');
  app.addContentTypeParser(['application/json', ...extraTypes], { parseAs: 'string' }, guarded);
}
