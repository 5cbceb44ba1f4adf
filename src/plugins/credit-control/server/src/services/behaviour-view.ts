import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { COLOURS, colourOfValue, localeOfRequest, say, textOf, word, type Colour, type Locale, type MessageCode } from '../core';
import type { Actor } from './actor';
import { fieldError } from './field-error';
import type { BehaviourReading } from './payment-behaviour';
import { getService } from '../utils/get-service';

export const COLOUR_ACCEPTED_EVENT = 'credit-control.colour-accepted';

const COLOUR_WORDS: Record<Colour | 'none', MessageCode> = { green: 'colourGreen', amber: 'colourAmber', red: 'colourRed', none: 'colourNone' };
const colourWord = (colour: Colour | null) => word({ en: textOf(COLOUR_WORDS[colour ?? 'none'], undefined, 'en'), fr: textOf(COLOUR_WORDS[colour ?? 'none'], undefined, 'fr') });

/** A reading as the routes give it: figures, the suggestion, the thresholds, and the party's colour now. */
export const behaviourJson = (reading: BehaviourReading, current: Colour | null, acceptable: boolean) => ({
  window: reading.window,
  invoices: reading.figures.invoices,
  dso: reading.figures.dso,
  averageDaysLate: reading.figures.averageDaysLate,
  lateSharePercent: reading.figures.lateSharePercent,
  trend: reading.figures.trend,
  suggested: reading.suggested,
  currency: reading.currency,
  missingRates: reading.missingRates,
  colour: current,
  /** a suggestion differing from the party's colour, and a colour field to write it to */
  acceptable: acceptable && reading.suggested !== null && reading.suggested !== current,
});
export type BehaviourJson = ReturnType<typeof behaviourJson>;

/**
 * One party's payment behaviour with its colour, and accepting the suggested colour: written
 * through the document service (the app's own rules on the party apply, e.g. CLIPRO_COULEUR),
 * with its decision-log row in the same transaction and a webhook after commit.
 */
const behaviourViewService = ({ strapi }: { strapi: Core.Strapi }) => {
  const mapping = () => getService(strapi, 'mapping').get();

  const currentColour = async (party: string): Promise<Colour | null> => {
    const b = mapping().behaviour;
    if (!b?.colourField) return null;
    const row: any = await strapi.db.query(mapping().party.uid as any).findOne({ where: { documentId: party }, select: [b.colourField] });
    return colourOfValue(row?.[b.colourField], b.colourValues);
  };

  const read = async (party: string) => {
    const reading = (await getService(strapi, 'payment-behaviour').of([party])).get(party)!;
    return { reading, current: await currentColour(party) };
  };

  return {
    async of(party: string): Promise<BehaviourJson> {
      const { reading, current } = await read(party);
      return behaviourJson(reading, current, Boolean(mapping().behaviour?.colourField));
    },

    /** Accepts `colour`, which must be the colour suggested now (a stale screen is told the new one). */
    async accept(party: string, colour: unknown, actor: Actor): Promise<BehaviourJson> {
      const locale: Locale = localeOfRequest(strapi.requestContext.get());
      const b = mapping().behaviour;
      if (!b?.colourField) throw new errors.NotFoundError(textOf('colourFieldNotMapped', undefined, locale), { code: 'colourFieldNotMapped' });
      if (typeof colour !== 'string' || !COLOURS.includes(colour as Colour)) throw fieldError(locale, 'colour', 'colourExpected', { field: 'colour' });
      const { reading, current } = await read(party);
      if (reading.suggested === null) throw fieldError(locale, 'colour', 'colourNoSuggestion', { party, months: reading.window.months });
      if (reading.suggested !== colour) throw fieldError(locale, 'colour', 'colourSuggestionChanged', { suggested: colourWord(reading.suggested), colour: colourWord(colour as Colour) }, { suggested: reading.suggested });
      const f = reading.figures;
      const params = { colour: colourWord(reading.suggested), previous: colourWord(current), lateShare: f.lateSharePercent ?? 0, daysLate: f.averageDaysLate ?? 0, dso: f.dso ?? '—' };
      const said = say('logColourAccepted', params);
      const details = { from: current, to: reading.suggested, figures: f, window: reading.window, said: { code: 'logColourAccepted', params } };
      await strapi.db.transaction(async ({ trx, onCommit }: any) => {
        await strapi.documents(mapping().party.uid as any).update({ documentId: party, data: { [b.colourField!]: b.colourValues[reading.suggested!] } as any });
        await getService(strapi, 'audit').record({ kind: 'policy', outcome: 'recorded', reason: 'colourAccepted', party, action: 'colour', message: said.message, details }, actor, trx);
        onCommit(() => strapi.eventHub.emit(COLOUR_ACCEPTED_EVENT, { party, from: current, to: reading.suggested, figures: { ...f }, window: reading.window, by: actor.label ?? actor.type }));
      });
      return behaviourJson(reading, reading.suggested, true);
    },
  };
};

export default behaviourViewService;
export type BehaviourViewService = ReturnType<typeof behaviourViewService>;
