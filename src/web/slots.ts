// Runs the page slots other capabilities declared (src/capability.ts `PageSlots`). A slot that
// throws is logged and left out: the page still renders without that part.
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { FollowTarget, HomeOrder } from '../capability.ts';
import type { AppDeps } from '../deps.ts';
import type { PageContext } from './page-context.ts';

export async function renderSlots<A extends unknown[]>(
  deps: Pick<AppDeps, 'log'>,
  name: string,
  slots: ReadonlyArray<(...args: A) => Promise<VNode | null>>,
  ...args: A
): Promise<VNode[]> {
  const rendered = await Promise.all(
    slots.map(async (slot) => {
      try {
        return await slot(...args);
      } catch (err) {
        deps.log.error({ err, slot: name }, 'page slot failed');
        return null;
      }
    }),
  );
  return rendered.filter((v): v is VNode => v !== null);
}

/** The follow control for a target (src/capability.ts `followControl`); empty when none is declared. */
export function renderFollowControl(
  deps: AppDeps,
  target: FollowTarget,
  request: FastifyRequest,
  page: PageContext,
): Promise<VNode[]> {
  return renderSlots(deps, 'followControl', deps.registry.slots.followControl, deps, target, request, page);
}

/** The home page's order (src/capability.ts `homeOrder`): the first capability's, or none. */
export async function renderHomeOrder(
  deps: AppDeps,
  request: FastifyRequest,
  page: PageContext,
): Promise<HomeOrder | null> {
  const slot = deps.registry.slots.homeOrder[0];
  if (!slot) return null;
  try {
    return await slot(deps, request, page);
  } catch (err) {
    deps.log.error({ err, slot: 'homeOrder' }, 'page slot failed');
    return null;
  }
}
