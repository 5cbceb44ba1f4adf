import { isValidBic, isValidIban, normalizeBankId } from '../domain/identifiers';
import type { RuleError } from '../domain/rule-error';
import { say } from '../domain/messages';
import type { WriteContext } from './write-context';

const present = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * Bank details (the shared.bank-details component, on customers, sites, suppliers and companies):
 * an IBAN with correct check digits and a well-formed BIC, stored without spaces, upper case.
 */
export async function bankDetailsRules(_strapi: unknown, write: WriteContext): Promise<RuleError[]> {
  const bank = write.data.bankDetails as Record<string, unknown> | null | undefined;
  if (!bank || typeof bank !== 'object') return [];
  const errors: RuleError[] = [];
  if (present(bank.iban)) {
    const iban = normalizeBankId(bank.iban);
    if (isValidIban(iban)) bank.iban = iban;
    else errors.push({ path: ['bankDetails', 'iban'], ...say('ibanInvalid', { iban: bank.iban }) });
  }
  if (present(bank.bic)) {
    const bic = normalizeBankId(bank.bic);
    if (isValidBic(bic)) bank.bic = bic;
    else errors.push({ path: ['bankDetails', 'bic'], ...say('bicInvalid', { bic: bank.bic }) });
  }
  return errors;
}
