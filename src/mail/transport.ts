// What a mail transport promises the delivery state machine (src/mail/deliver.ts).
import type { ComposedMail } from './compose.ts';

export interface MailTransport {
  readonly name: 'smtp' | 'outbox';
  /** True when handing the same message over twice is harmless (the outbox rewrites one file). */
  readonly idempotent: boolean;
  /**
   * Hands the message over. Calls `pointOfNoReturn` exactly once, after everything that can fail
   * without the message leaving (connect, TLS, login) and before anything that may deliver it;
   * when that answers false, gives up without sending and throws DeliveryAborted.
   */
  deliver(mail: ComposedMail, key: string, pointOfNoReturn: () => Promise<boolean>): Promise<{ response: string }>;
}

/**
 * temporary — the message certainly did not leave (refused with 4xx, or failed before the point
 *             of no return): try again later
 * permanent — refused with 5xx: trying again cannot help
 * ambiguous — failed after the point of no return without a reply (connection lost during DATA):
 *             the server may have it
 */
export type DeliveryFailure = 'temporary' | 'permanent' | 'ambiguous';

export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    message: string,
    readonly failure: DeliveryFailure,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Another worker moved the message on before this one reached the point of no return. */
export class DeliveryAborted extends Error {
  override name = 'DeliveryAborted';
}
