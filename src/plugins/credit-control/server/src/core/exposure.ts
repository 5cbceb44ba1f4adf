import { convertMinor, type Minor } from './money';

/** A maintained exposure row: one per party, bucket and document currency. */
export interface ExposureRow {
  bucket: string;
  currency: string;
  minor: Minor;
}

/** Rate lookup: units of `to` per unit of `from`, or undefined when the rates table lacks it. */
export type RateOf = (from: string, to: string) => string | undefined;

export interface ExposureTotal {
  /** counted buckets, in the policy currency */
  total: Minor;
  byBucket: Record<string, Minor>;
  /** currencies with no rate to the policy currency */
  missingRates: string[];
}

/**
 * Sums the counted buckets in the policy currency. Amounts are kept per currency and converted
 * here, so a rate change never leaves the maintained rows out of step with the documents.
 */
export function totalExposure(rows: ExposureRow[], counted: string[], currency: string, rateOf: RateOf): ExposureTotal {
  const byBucket: Record<string, Minor> = {};
  const missing = new Set<string>();
  let total = 0n;
  for (const row of rows) {
    if (row.minor === 0n) continue;
    let converted: Minor;
    if (row.currency === currency) converted = row.minor;
    else {
      const rate = rateOf(row.currency, currency);
      if (rate === undefined) {
        if (counted.includes(row.bucket)) missing.add(row.currency);
        continue;
      }
      converted = convertMinor(row.minor, row.currency, currency, rate);
    }
    byBucket[row.bucket] = (byBucket[row.bucket] ?? 0n) + converted;
    if (counted.includes(row.bucket)) total += converted;
  }
  return { total, byBucket, missingRates: [...missing] };
}
