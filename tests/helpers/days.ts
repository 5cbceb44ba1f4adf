/** The ISO day `days` days from today (UTC; negative: in the past), as the API takes dates. */
export const dayFromToday = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
