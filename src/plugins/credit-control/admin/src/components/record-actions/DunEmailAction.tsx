import * as React from 'react';
import { Button, Loader, Modal, Typography } from '@strapi/design-system';
import { Mail } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useT } from '../../hooks/useT';
import { errorText } from '../../utils/format';
import { today, type LetterPreview } from '../../utils/reports';
import type { Paged } from '../../utils/types';
import { DunningEmailForm } from '../reports/DunningEmailForm';
import { FormError } from '../reports/FormError';
import { partyReportAction, type PartyReportProps } from './partyReportAction';

/** The record's letter as of today (the preview a run would send), then the plugin's one dun-by-email form. */
const DunEmailDialog = ({ documentId, name, type, onClose }: PartyReportProps) => {
  const { t, locale: uiLocale } = useT();
  const { get } = useFetchClient();
  const [criteria] = React.useState(() => ({ dueBefore: today(), asOf: today(), format: 'letter', locale: uiLocale.startsWith('fr') ? 'fr' : 'en' }));
  const [letter, setLetter] = React.useState<LetterPreview | null | undefined>(undefined);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    let live = true;
    get<Paged<LetterPreview>>('/credit-control/reports/dunning/letters', { params: { ...criteria, party: documentId, pageSize: 1 } }).then(
      (res) => live && setLetter(res.data.data[0] ?? null),
      (err) => live && (setLetter(null), setError(errorText(err)))
    );
    return () => {
      live = false;
    };
  }, [get, documentId, criteria]);
  if (letter) return <DunningEmailForm party={{ ...letter.party, name }} letter={letter} criteria={criteria} onClose={onClose} onSent={onClose} />;
  return (
    <>
      <Modal.Body>
        {letter === undefined ? (
          <Loader>{t('reports.loading', 'Loading')}</Loader>
        ) : (
          <div data-dunning-email={documentId}>
            <FormError message={error} />
            {error ? null : <Typography>{t('record.email.nothing', '{name} ({type}) has no invoice overdue today: there is nothing to dun.', { type, name })}</Typography>}
          </div>
        )}
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>{t('reports.cancel', 'Cancel')}</Button>
      </Modal.Footer>
    </>
  );
};

/** "Dun by email" on the party record (reports.read and reports.dun): the dunning page's own form. */
export const DunEmailAction = partyReportAction({ label: ['record.email.title', 'Dun by email'], icon: <Mail />, dun: true, Content: DunEmailDialog });
