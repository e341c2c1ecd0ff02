// ninjs 3.x spells properties in camelCase, 2.x in lower case. Lower-casing every key turns
// both into one shape, so the mapper reads a single vocabulary.

export function lowerCaseKeys(value: unknown, depth = 0): unknown {
  if (depth > 32) return value; // hostile nesting: stop descending, schema validation rejects oddities
  if (Array.isArray(value)) return value.map((v) => lowerCaseKeys(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k.toLowerCase()] = lowerCaseKeys(v, depth + 1);
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
