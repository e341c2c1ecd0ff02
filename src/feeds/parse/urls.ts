// Feed addresses: only absolute http(s) URLs leave the parser.

/** An absolute http(s) URL, or undefined for anything else (javascript:, data:, garbage). */
export function absoluteUrl(value: string | undefined, base: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  try {
    const url = new URL(v, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An http(s) URL that is absolute by itself (no base), e.g. a permalink guid. */
export function selfAbsoluteUrl(value: string | undefined): string | undefined {
  return value && /^https?:\/\//i.test(value.trim()) ? absoluteUrl(value, undefined) : undefined;
}
