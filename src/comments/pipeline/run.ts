// Runs the phases over a draft: a refusal stops at once (nothing is written); a rejection stops
// the rest; holds and masks accumulate. Returns the status to store and every decision, each with
// its phase and evidence, for the caller to write next to the comment.
import type { Phase, PhaseContext, PhaseOutcome } from './phase.ts';
import type { Evidence } from './phase.ts';

export interface Decision {
  phase: string;
  action: 'pass' | 'mask' | 'hold' | 'reject';
  reason: string;
  evidence: Evidence;
}

export interface PipelineResult {
  status: 'published' | 'held' | 'rejected';
  text: string;
  /** The decision that set the status (hold/reject), if any. */
  deciding: Decision | undefined;
  decisions: Decision[];
  flagged: boolean;
}

export async function runPipeline(phases: readonly Phase[], ctx: PhaseContext): Promise<PipelineResult> {
  let text = ctx.draft.text;
  const decisions: Decision[] = [];
  let deciding: Decision | undefined;
  let status: PipelineResult['status'] = 'published';
  for (const phase of phases) {
    const outcome: PhaseOutcome = await phase.run({ ...ctx, draft: { ...ctx.draft, text } });
    if (outcome.action === 'refuse') throw outcome.error;
    if (outcome.action === 'pass') {
      if (outcome.evidence)
        decisions.push({ phase: phase.name, action: 'pass', reason: 'pass', evidence: outcome.evidence });
      continue;
    }
    const decision: Decision = {
      phase: phase.name,
      action: outcome.action,
      reason: outcome.reason,
      evidence: outcome.evidence,
    };
    decisions.push(decision);
    if (outcome.action === 'mask') {
      text = outcome.text;
      continue;
    }
    if (outcome.action === 'hold' && status === 'published') {
      status = 'held';
      deciding = decision;
    }
    if (outcome.action === 'reject') {
      status = 'rejected';
      deciding = decision;
      break;
    }
  }
  return { status, text, deciding, decisions, flagged: decisions.some((d) => d.action !== 'pass') };
}
