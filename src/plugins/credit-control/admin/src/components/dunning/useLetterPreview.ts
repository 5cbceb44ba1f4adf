import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { criteriaFieldErrors, errorText } from '../../utils/format';
import { filled, type DunningLevelRow, type LetterPreview } from '../../utils/reports';
import type { Paged } from '../../utils/types';

export interface DialogCriteria {
  asOf: string;
  dueBefore: string;
  locale: string;
  format: string;
  /** a level's code, or '' for "by delay" */
  level: string;
}

/**
 * The party's letter for these criteria as a run would draw it (GET /reports/dunning/letters, records
 * nothing): `undefined` while it loads, `null` when there is nothing to dun. Asked again, a moment
 * after the last change, whenever a criterion changes; a refusal comes back in words and by field.
 */
export const useLetterPreview = (party: string, criteria: DialogCriteria) => {
  const { get } = useFetchClient();
  const [letter, setLetter] = React.useState<LetterPreview | null | undefined>(undefined);
  const [error, setError] = React.useState<string | null>(null);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const { asOf, dueBefore, locale, level } = criteria;
  React.useEffect(() => {
    let live = true;
    setLetter(undefined);
    const timer = setTimeout(() => {
      get<Paged<LetterPreview>>('/credit-control/reports/dunning/letters', { params: { ...filled({ asOf, dueBefore, locale, level }), party, pageSize: 1 } }).then(
        (res) => live && (setLetter(res.data.data[0] ?? null), setError(null), setErrors({})),
        (err) => live && (setLetter(null), setError(errorText(err)), setErrors(criteriaFieldErrors(err)))
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [get, party, asOf, dueBefore, locale, level]);
  return { letter, error, errors };
};

/** The dunning levels written in `locale`, by rank (the level choice); empty when they cannot be read. */
export const useLevels = (locale: string): DunningLevelRow[] => {
  const { get } = useFetchClient();
  const [levels, setLevels] = React.useState<DunningLevelRow[]>([]);
  React.useEffect(() => {
    let live = true;
    get<{ data: DunningLevelRow[] }>('/credit-control/dunning-levels', { params: { pagination: { pageSize: 100 } } }).then(
      (res) => live && setLevels(res.data.data.filter((l) => l.language === locale).sort((a, b) => a.rank - b.rank)),
      () => live && setLevels([])
    );
    return () => {
      live = false;
    };
  }, [get, locale]);
  return levels;
};
