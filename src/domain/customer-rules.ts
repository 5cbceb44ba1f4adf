import { checkEuVatNumber, isEuCountry, isValidSiren, isValidSiret, normalizeIdentifier } from './identifiers';
import { isCountryCode } from './identifiers';
import type { RuleError } from './rule-error';

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
    errors.push({ path: ['country'], message: `country ${country} is not an ISO 3166 alpha-2 code` });
  }

  const siret = present(merged.siret) ? normalizeIdentifier(merged.siret) : undefined;
  // a new SIRET without a SIREN re-derives the SIREN rather than clash with the stored one
  const sirenFromRecord = given.siret !== undefined && given.siren === undefined ? undefined : merged.siren;
  let siren = present(sirenFromRecord) ? normalizeIdentifier(sirenFromRecord) : undefined;
  if (siret !== undefined) {
    if (!isValidSiret(siret)) errors.push({ path: ['siret'], message: `SIRET ${siret} is not valid: 14 digits with a correct check digit expected` });
    else if (siret !== merged.siret) patch.siret = siret;
  }
  if (siren !== undefined) {
    if (!isValidSiren(siren)) errors.push({ path: ['siren'], message: `SIREN ${siren} is not valid: 9 digits with a correct check digit expected` });
    else if (siret !== undefined && isValidSiret(siret) && siret.slice(0, 9) !== siren) {
      errors.push({ path: ['siren'], message: `SIREN ${siren} does not match the SIRET ${siret}, whose SIREN is ${siret.slice(0, 9)}` });
    } else if (siren !== merged.siren) patch.siren = siren;
  } else if (siret !== undefined && isValidSiret(siret)) {
    siren = siret.slice(0, 9);
    patch.siren = siren;
  }

  if (present(merged.vatNumber)) {
    const vat = checkEuVatNumber(merged.vatNumber);
    if (!vat.ok) errors.push({ path: ['vatNumber'], message: vat.reason });
    else {
      const normalised = normalizeIdentifier(merged.vatNumber).toUpperCase();
      if (normalised !== merged.vatNumber) patch.vatNumber = normalised;
      if (vat.country === 'FR' && siren !== undefined && isValidSiren(siren) && normalised.slice(4) !== siren) {
        errors.push({ path: ['vatNumber'], message: `VAT number ${normalised} is not the one of SIREN ${siren}` });
      }
    }
  }

  if (country !== 'FR') {
    const exempt = !isEuCountry(country);
    if (given.vatExempt !== undefined && given.vatExempt !== null && given.vatExempt !== exempt) {
      errors.push({
        path: ['vatExempt'],
        message: `VAT exemption can only be set for customers in France; a customer in ${country} is ${exempt ? '' : 'not '}exempt`,
      });
    }
    if (merged.vatExempt !== exempt) patch.vatExempt = exempt;
  }

  if (present(given.reliabilityColour) && !context.reliabilityColourEnabled) {
    errors.push({
      path: ['reliabilityColour'],
      message: "the reliability colour needs the company's CLIPRO_COULEUR management rule to be enabled",
    });
  }
  return { errors, patch };
}
