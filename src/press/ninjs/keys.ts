// ninjs 3.x spells properties in camelCase, 2.x in lower case. Lower-casing every key turns
// both into one shape, so the mapper reads a single vocabulary.

//
// Folding builds new objects from client keys, so "__PROTO__" would become "__proto__" and,
// assigned on a plain object, replace its prototype (the item's headline then read from it).
// Those keys carry no ninjs meaning: they are dropped, and the objects have no prototype at all.
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function lowerCaseKeys(value: unknown, depth = 0): unknown {
  if (depth > 32) return value; // hostile nesting: stop descending, schema validation rejects oddities
  if (Array.isArray(value)) return value.map((v) => lowerCaseKeys(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, v] of Object.entries(value)) {
      const key = k.toLowerCase();
      if (!UNSAFE_KEYS.has(key)) out[key] = lowerCaseKeys(v, depth + 1);
    }
    return out;
  }
  return value;
}

/** "2.x" or "3.x", from the declared standard or the spelling of the keys. */
export function ninjsMajorVersion(item: Record<string, unknown>): '2' | '3' {
  const standard = item.standard as { version?: unknown } | undefined;
  if (standard && typeof standard.version === 'string') return standard.version.startsWith('3') ? '3' : '2';
  const camel = ['versionCreated', 'firstCreated', 'pubStatus', 'copyrightNotice', 'copyrightHolder', 'altIds'];
  return camel.some((k) => k in item) ? '3' : '2';
}
