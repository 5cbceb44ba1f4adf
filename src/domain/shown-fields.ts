/**
 * What a list shows of a management object, whatever its type (the 360 view, the linked objects): the
 * first of each list the type has. Pure data, read by the server and the admin.
 */
/** its pre-tax amount (a receipt's amount has no tax) */
export const AMOUNT_FIELDS = ['amountExclTax', 'expectedAmountExclTax', 'annualAmountExclTax', 'amount'];
/** its date, which lists sort on (else `createdAt`) */
export const DATE_FIELDS = ['date', 'openedAt', 'startDate'];
/** its label beside the number */
export const LABEL_FIELDS = ['title', 'sessionTitle', 'reference'];

export const firstOf = (fields: string[], attributes: Record<string, unknown>): string | undefined => fields.find((f) => f in attributes);
