import { checkEuVatNumber, isEuCountry, isValidSiren, isValidSiret, normalizeIdentifier } from './identifiers';
import { isCountryCode } from './identifiers';
import type { RuleError } from './rule-error';
import { say } from './messages';

/** The customer fields the rules read: the stored record merged with the incoming data. */
export interface CustomerFacts {
  country?: string | null;
  siret?: string | null;
  siren?: string | null;
  vatNumber?: string | null;
  vatExempt?: boolean | null;
  reliabilityColour?: string | null;
}

export interface CustomerRuleContext {
  /** the company's CLIPRO_COULEUR management rule */
  reliabilityColourEnabled: boolean;
}

export interface CustomerRuleResult {
  errors: RuleError[];
  /** normalised or derived values to write */
  patch: Partial<CustomerFacts>;
}

const present = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * Identity and VAT rules of a customer/prospect record. `given` is what the caller sent,
 * `merged` the record as it will be once written.
 */
export function checkCustomer(
  merged: CustomerFacts,
  given: CustomerFacts,
  context: CustomerRuleContext
): CustomerRuleResult {
  const errors: RuleError[] = [];
  const patch: Partial<CustomerFacts> = {};
  const country = (merged.country ?? 'FR').toUpperCase();
  if (!isCountryCode(country)) {
    errors.push({ path: ['country'], ...say('countryNotIso', { country }) });
  }

  const siret = present(merged.siret) ? normalizeIdentifier(merged.siret) : undefined;
  // a new SIRET without a SIREN re-derives the SIREN rather than clash with the stored one
  const sirenFromRecord = given.siret !== undefined && given.siren === undefined ? undefined : merged.siren;
  let siren = present(sirenFromRecord) ? normalizeIdentifier(sirenFromRecord) : undefined;
  if (siret !== undefined) {
    if (!isValidSiret(siret)) errors.push({ path: ['siret'], ...say('siretInvalid', { siret }) });
    else if (siret !== merged.siret) patch.siret = siret;
  }
  if (siren !== undefined) {
    if (!isValidSiren(siren)) errors.push({ path: ['siren'], ...say('sirenInvalid', { siren }) });
    else if (siret !== undefined && isValidSiret(siret) && siret.slice(0, 9) !== siren) {
      errors.push({ path: ['siren'], ...say('sirenNotOfSiret', { siren, siret, siretSiren: siret.slice(0, 9) }) });
    } else if (siren !== merged.siren) patch.siren = siren;
  } else if (siret !== undefined && isValidSiret(siret)) {
    siren = siret.slice(0, 9);
    patch.siren = siren;
  }

  if (present(merged.vatNumber)) {
    const vat = checkEuVatNumber(merged.vatNumber);
    if (!vat.ok) errors.push({ path: ['vatNumber'], ...vat.said });
    else {
      const normalised = normalizeIdentifier(merged.vatNumber).toUpperCase();
      if (normalised !== merged.vatNumber) patch.vatNumber = normalised;
      if (vat.country === 'FR' && siren !== undefined && isValidSiren(siren) && normalised.slice(4) !== siren) {
        errors.push({ path: ['vatNumber'], ...say('vatNumberNotOfSiren', { vatNumber: normalised, siren }) });
      }
    }
  }

  if (country !== 'FR') {
    const exempt = !isEuCountry(country);
    if (given.vatExempt !== undefined && given.vatExempt !== null && given.vatExempt !== exempt) {
      errors.push({ path: ['vatExempt'], ...say(exempt ? 'vatExemptOnlyFrance' : 'vatExemptOnlyFranceNot', { country }) });
    }
    if (merged.vatExempt !== exempt) patch.vatExempt = exempt;
  }

  if (present(given.reliabilityColour) && !context.reliabilityColourEnabled) {
    errors.push({ path: ['reliabilityColour'], ...say('reliabilityColourNeedsRule') });
  }
  return { errors, patch };
}
