/**
 * The mapping's `behaviour` section: where a party's payment behaviour is read from (the reports'
 * invoices, with their payment date) and where an accepted colour is written (the party's colour
 * field). Pure: checked at boot against the app's models.
 */
import type { DescribeModel } from './mapping';
import type { Colour, ColourThresholds } from './payment-behaviour';
import type { ReportsMapping } from './reports/mapping';

export const COLOURS: Colour[] = ['green', 'amber', 'red'];

export interface BehaviourMapping {
  /** months of the rolling window, split in two halves for the trend */
  windowMonths: number;
  thresholds: ColourThresholds;
  /** the party's field a clerk accepts the suggested colour into; absent: figures only */
  colourField?: string;
  /** that field's value for each colour */
  colourValues: Record<Colour, string>;
}

export const DEFAULT_THRESHOLDS: ColourThresholds = {
  amber: { lateSharePercent: 20, averageDaysLate: 15 },
  red: { lateSharePercent: 50, averageDaysLate: 45 },
};

const wholeIn = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * Normalises `raw` (config.behaviour). Payment behaviour needs the reports' invoices with a
 * `paidOnField`; without a `behaviour` section it is on with the defaults as soon as that field is mapped,
 * and `behaviour: false` turns it off.
 */
export function checkBehaviourMapping(raw: any, partyUid: string, reports: ReportsMapping | undefined, describe: DescribeModel): { behaviour?: BehaviourMapping; problems: string[] } {
  const problems: string[] = [];
  const paidOn = reports?.invoices.paidOnField;
  if (raw === false) return { problems };
  if (raw === undefined || raw === null) return { problems, ...(paidOn ? { behaviour: { windowMonths: 12, thresholds: DEFAULT_THRESHOLDS, colourValues: { green: 'green', amber: 'amber', red: 'red' } } } : {}) };
  if (!paidOn) problems.push('behaviour: needs reports.invoices with a paidOnField (the date an invoice was fully paid)');

  const windowMonths = raw.windowMonths ?? 12;
  if (!wholeIn(windowMonths, 2, 60) || windowMonths % 2 !== 0) problems.push('behaviour.windowMonths must be an even whole number of months from 2 to 60 (two halves for the trend)');

  const thresholds: ColourThresholds = {
    amber: { ...DEFAULT_THRESHOLDS.amber, ...(raw.thresholds?.amber ?? {}) },
    red: { ...DEFAULT_THRESHOLDS.red, ...(raw.thresholds?.red ?? {}) },
  };
  for (const level of ['amber', 'red'] as const) {
    if (!wholeIn(thresholds[level].lateSharePercent, 0, 100)) problems.push(`behaviour.thresholds.${level}.lateSharePercent must be a whole number from 0 to 100`);
    if (!wholeIn(thresholds[level].averageDaysLate, 0, 3650)) problems.push(`behaviour.thresholds.${level}.averageDaysLate must be a whole number of days from 0 to 3650`);
  }
  if (thresholds.red.lateSharePercent < thresholds.amber.lateSharePercent || thresholds.red.averageDaysLate < thresholds.amber.averageDaysLate) {
    problems.push('behaviour.thresholds: red must not be below amber');
  }

  const colourValues: Record<Colour, string> = { green: 'green', amber: 'amber', red: 'red', ...(raw.colourValues ?? {}) };
  const colourField = raw.colourField === undefined ? undefined : String(raw.colourField);
  if (colourField !== undefined) {
    const attribute = describe(partyUid)?.[colourField];
    if (!attribute) problems.push(`behaviour.colourField: "${partyUid}" has no field "${colourField}"`);
    else if (attribute.type === 'enumeration') {
      const allowed = attribute.enum ?? [];
      for (const colour of COLOURS) {
        if (!allowed.includes(colourValues[colour])) problems.push(`behaviour.colourValues.${colour}: "${colourValues[colour]}" is not a value of "${partyUid}.${colourField}" (${allowed.join(', ')})`);
      }
    } else if (!['string', 'text'].includes(attribute.type)) problems.push(`behaviour.colourField: "${partyUid}.${colourField}" is a ${attribute.type} field, not an enumeration or a text field`);
  }
  return { behaviour: { windowMonths, thresholds, colourField, colourValues }, problems };
}

/** The colour a stored field value stands for (null: none or a value of no colour). */
export function colourOfValue(value: unknown, values: Record<Colour, string>): Colour | null {
  return COLOURS.find((c) => values[c] === value) ?? null;
}
