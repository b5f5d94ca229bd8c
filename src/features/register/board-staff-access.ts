import type { ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { decide } from '../../platform/policy.ts';

/** Only the board's own staff (with the right for `action`); how they are allowed, for the audit event. */
export async function requireBoardStaff(ctx: ActorContext, boardId: string, action: 'staff.read' | 'staff.act') {
  const decision = await decide(ctx.actor, { action, organisation: { kind: 'bestuur', id: boardId } });
  if (!decision.allowed) {
    throw decision.reason === 'unauthenticated' ? new AppError('unauthenticated') : new AppError('forbidden', message('register.error.notBoardStaff'));
  }
  return decision.via;
}
