import type { Core } from '@strapi/strapi';
import type { DocumentMapping, Mapping } from '../core';
import { currentActor } from './actor';
import { CheckedWrite } from './checked-write';
import type { WriteUnderCheck } from './write-under-check';
import { inTurn } from './trx-turns';
import { CreditRefusal } from './write-request';
import { getService } from '../utils/get-service';

/** Document-service actions as the engine counts them. */
const ACTIONS: Record<string, 'create' | 'update' | 'delete' | undefined> = {
  create: 'create',
  clone: 'create',
  update: 'update',
  publish: 'update',
  // unpublishing takes the document out of the count, as a delete does (draft-publish.ts)
  unpublish: 'delete',
  delete: 'delete',
};

/** The check that wraps every write of a mapped document: lock, write, measure, decide, maintain. */
const guardService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** A refusal's decision-log rows, kept although its write is rolled back, and its event. */
  const keepRefusal = async (refusal: CreditRefusal, nested: boolean) => {
    const keep = () => Promise.all(refusal.audits.map((a) => getService(strapi, 'audit').record(a, refusal.actor))).catch((e) => strapi.log.error(e));
    // a refusal inside someone else's transaction is kept once that transaction ends
    if (nested) strapi.db.transaction(async ({ onRollback, onCommit }: any) => (onRollback(keep), onCommit(keep)));
    else await keep();
    strapi.eventHub.emit('credit-control.exceeded', { outcome: 'refused', reason: (refusal.details as { reason?: string }).reason, ...refusal.figures });
  };

  return {
    handles(uid: string, action: string): boolean {
      const mapping = getService(strapi, 'mapping').get() as Mapping;
      return ACTIONS[action] !== undefined && (uid in mapping.documents || uid === mapping.callTaking?.uid);
    },

    async run(ctx: { uid: string; action: string; params: any }, next: () => Promise<any>) {
      const mapping: Mapping = getService(strapi, 'mapping').get();
      const doc: DocumentMapping | undefined = mapping.documents[ctx.uid];
      const action = ACTIONS[ctx.action]!;
      const actor = currentActor(strapi);
      const nested = strapi.db.inTransaction();
      try {
        return await strapi.db.transaction(async ({ trx, onCommit }: any) => {
          // inside a caller's transaction: one guarded write at a time, each in its savepoint (trx-turns.ts)
          return inTurn(trx, !nested, () => this.guarded({ trx, ctx, next, mapping, doc, action, actor, onCommit }));
        });
      } catch (error) {
        if (error instanceof CreditRefusal) await keepRefusal(error, nested);
        throw error;
      }
    },

    /** The check of one write, step by step (checked-write.ts holds each step). */
    async guarded(write: WriteUnderCheck) {
      const check = new CheckedWrite(strapi, write);
      await check.lockBefore();
      await check.write();
      await check.readAfter();
      // a write caused by another checked write is judged with it (caused-writes.ts)
      if (check.causer) return check.handOver();
      check.measure();
      await check.readLimits();
      await check.judgeParties();
      await check.judgeGroups();
      if (check.refusals.length > 0) throw await check.refusal();
      await check.keep();
      check.announce();
      return check.result;
    },
  };
};

export default guardService;
