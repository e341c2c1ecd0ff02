// Turns the capability manifests into the lookup tables the kernel reads (src/capability.ts
// `Registry`), once per process, refusing two capabilities that claim the same name.
import { fileURLToPath } from 'node:url';
import type { AnyJobKind, Capability, Command, OpenApiPart, PageSlots, PrincipalKind, Registry } from './capability.ts';
import { capabilityAssetPrefix, versionedAssetUrl } from './web/assets.ts';

function uniqueInto<V>(map: Map<string, V>, key: string, value: V, what: string, owner: string): void {
  if (map.has(key)) throw new Error(`${what} "${key}" is declared twice (again by ${owner})`);
  map.set(key, value);
}

export function assembleRegistry(capabilities: readonly Capability[]): Registry {
  const jobs = new Map<string, AnyJobKind>();
  const principals = new Map<string, PrincipalKind>();
  const commands = new Map<string, Command>();
  const openApi: Required<OpenApiPart> = { paths: {}, schemas: {}, securitySchemes: {} };
  const slots = {
    articleHeader: [],
    articleLead: [],
    articleSection: [],
    articleAside: [],
    homeBox: [],
    followControl: [],
    homeOrder: [],
  } as {
    [K in keyof PageSlots]-?: Array<NonNullable<PageSlots[K]>>;
  };
  for (const c of capabilities) {
    for (const job of c.jobs ?? []) uniqueInto(jobs, job.kind, job, 'job kind', c.name);
    for (const p of c.principals ?? []) uniqueInto(principals, p.kind, p, 'principal kind', c.name);
    for (const [name, cmd] of Object.entries(c.commands ?? {})) uniqueInto(commands, name, cmd, 'command', c.name);
    Object.assign(openApi.paths, c.openApi?.paths);
    Object.assign(openApi.schemas, c.openApi?.schemas);
    Object.assign(openApi.securitySchemes, c.openApi?.securitySchemes);
    for (const key of Object.keys(slots) as Array<keyof PageSlots>) {
      const slot = c.slots?.[key];
      if (slot) (slots[key] as unknown[]).push(slot);
    }
  }
  const articleChangedJobs = capabilities.flatMap((c) => c.onArticleChanged ?? []);
  for (const kind of articleChangedJobs) {
    if (!jobs.has(kind)) throw new Error(`onArticleChanged names job kind "${kind}", which no capability declares`);
  }
  const frames = capabilities.filter((c) => c.siteFrame);
  if (frames.length > 1)
    throw new Error(`siteFrame is declared by ${frames.map((c) => c.name).join(' and ')}; one may`);
  const assets = capabilities.flatMap((c) =>
    c.assets ? [{ name: c.name, prefix: capabilityAssetPrefix(c.name), dir: fileURLToPath(c.assets.dir) }] : [],
  );
  const stylesheets = capabilities.flatMap((c) =>
    (c.assets?.stylesheets ?? []).map((file) =>
      versionedAssetUrl(capabilityAssetPrefix(c.name), fileURLToPath(c.assets!.dir), file),
    ),
  );
  return Object.freeze({
    capabilities,
    jobs,
    articleChangedJobs,
    commands: Object.fromEntries(commands),
    openApi,
    slots,
    staffNav: capabilities.flatMap((c) => c.staffNav ?? []),
    readerNav: capabilities.flatMap((c) => c.readerNav ?? []),
    feedSources: capabilities.flatMap((c) => c.feedSources ?? []),
    principals,
    readerData: capabilities.flatMap((c) => (c.readerData ? [{ capability: c.name, part: c.readerData }] : [])),
    uncachedPaths: capabilities.flatMap((c) => c.uncachedPaths ?? []),
    assets: assets.map(({ prefix, dir }) => ({ prefix, dir })),
    stylesheets,
    siteFrame: frames[0]?.siteFrame,
  });
}
