import type { Core } from '@strapi/strapi';
import { refuse } from '../../rules/validation-error';
import { itemSourceWord } from '../billed-once';
import { articleFor, HEADER_FIELDS, makeNote, specOf, toBill } from './bill-items';
import { onlyKnown } from './make';
import { say } from '../../domain/messages';
import { stateWord } from '../../rules/words';

export const TRAINING_UID = 'api::training-opportunity.training-opportunity';

/**
 * "Generating a delivery note from a training session": the held sessions of a won training
 * opportunity that no note holds yet (or the ones named by key) become its delivery note, a line
 * per session at its price. Each session is delivered once (src/flow/billed-once.ts).
 */
export async function deliverSessions(strapi: Core.Strapi, opportunityId: string, body: Record<string, unknown>) {
  onlyKnown(body, [...HEADER_FIELDS, 'sessions', 'article', 'preview']);
  if (body.sessions !== undefined && (!Array.isArray(body.sessions) || body.sessions.some((k) => typeof k !== 'string'))) refuse('sessions', say('sessionsShape'));
  const spec = specOf(TRAINING_UID);
  return strapi.db.transaction(async () => {
    const [{ source, items }] = await toBill(strapi, spec, [opportunityId], {
      company: { select: ['documentId'] },
      [spec.items]: { populate: { article: { select: ['documentId'] } } },
    });
    if (!spec.sourceStates.includes(source.state)) refuse('state', say('trainingNotWon', { source: source.label, state: stateWord(TRAINING_UID, source.state) }));
    const asked = body.sessions as string[] | undefined;
    const of = itemSourceWord(TRAINING_UID, source.row, opportunityId, 'of');
    for (const key of asked ?? []) if (!items.some((i) => i.key === key)) refuse('sessions', say('sessionNotDeliverable', { key, source: of }));
    const chosen = asked ? items.filter((i) => asked.includes(i.key as string)) : items;
    if (chosen.length === 0) refuse('sessions', say('noSessionToDeliver', { source: of }));
    const fallback = chosen.some((i: any) => !i.article) ? await articleFor(strapi, body, 'trainingArticle') : null;
    return makeNote(strapi, {
      origin: spec.origin,
      customer: source.row.customer?.documentId,
      ...(source.row.company ? { company: source.row.company.documentId } : {}),
      currency: source.row.currency?.documentId,
      [spec.link]: [source.documentId],
      lines: chosen.map((item: any) => ({
        article: item.article?.documentId ?? fallback,
        label: `${item.label}${item.sessionDate ? ` (${item.sessionDate}${item.trainees ? `, ${item.trainees} trainees` : ''})` : ''}`.slice(0, 255),
        quantity: '1',
        unitPrice: String(item.amountExclTax),
        sourceKey: item.key,
      })),
    }, body);
  });
}
