import type { Core } from '@strapi/strapi';
import { FLOW_UIDS } from '../../domain/flow/edges';
import { refuse } from '../../rules/validation-error';
import { REVISABLE } from '../revisions';
import { callerFields, copyHeader, copyLine, onlyKnown, priced, readSource, sourceLines, today } from './make';
import { say } from '../../domain/messages';
import { stateWord } from '../../rules/words';

const FIELDS = ['number', 'date', 'validUntil', 'lines'];

/**
 * "Reviewing a quotation": a new revision, a copy of the quotation (or with the lines given),
 * that supersedes it. The old one stops counting in the same write, judged as a quotation write.
 */
export async function reviseQuotation(strapi: Core.Strapi, quotationId: string, body: Record<string, unknown>) {
  onlyKnown(body, [...FIELDS, 'preview']);
  if (body.lines !== undefined && !Array.isArray(body.lines)) refuse('lines', say('linesNotList'));
  return strapi.db.transaction(async () => {
    const source = await readSource(strapi, FLOW_UIDS.quotation, quotationId, 'quotation');
    if (!REVISABLE.includes(source.state)) refuse('state', say('quotationNotRevisable', { quotation: source.number, state: stateWord(FLOW_UIDS.quotation, source.state) }));
    const revision = Number(source.revision ?? 1) + 1;
    const data: Record<string, unknown> = {
      ...copyHeader(strapi, source, FLOW_UIDS.quotation, ['revisionOf']),
      date: today(),
      validUntil: source.validUntil ?? null,
      state: 'draft',
      origin: 'review',
      revision,
      revisionOf: source.documentId,
      number: `${String(source.number).replace(/-R\d+$/, '')}-R${revision}`,
      lines: sourceLines(source).map((line) => ({ ...copyLine(line), quantity: String(line.quantity) })),
      ...callerFields(body, FIELDS),
    };
    if (data.validUntil && String(data.validUntil) < String(data.date)) data.validUntil = null;
    if (body.preview === true || body.preview === 'true') return { preview: true, data: priced(data) };
    const made = await strapi.documents(FLOW_UIDS.quotation as any).create({ data: data as any, populate: ['lines', 'revisionOf'] as any });
    return { preview: false, data: made };
  });
}
