import { minorToString, type Minor } from './money';

/**
 * Exposure by bucket, as every plugin response gives it (credit summary, refusal details,
 * decision details, webhooks): one entry per bucket and currency, money as a decimal string
 * beside its currency. A list, not a map keyed by bucket, so that a bucket held in a currency
 * with no rate can sit beside the converted ones without a composite key.
 */
export interface BucketAmount {
  bucket: string;
  amount: string;
  currency: string;
}

/** Entries of amounts per bucket, all in `currency`, sorted by bucket. */
export function bucketAmounts(byBucket: Record<string, Minor>, currency: string): BucketAmount[] {
  return Object.keys(byBucket)
    .sort()
    .map((bucket) => ({ bucket, amount: minorToString(byBucket[bucket], currency), currency }));
}
