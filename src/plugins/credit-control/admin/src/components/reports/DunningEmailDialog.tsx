import { Modal } from '@strapi/design-system';
import { useT } from '../../hooks/useT';
import { DunningEmailForm, type DunningEmailFormProps } from './DunningEmailForm';

/** "Dun by email" as a dialog of its own (the dunning page): the one form, titled with the party. */
export const DunningEmailDialog = (props: DunningEmailFormProps) => {
  const { t } = useT();
  const { party, onClose } = props;
  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('reports.email.title', 'Dun {name} by email', { name: party.code ? `${party.name} (${party.code})` : party.name })}</Modal.Title>
        </Modal.Header>
        <DunningEmailForm {...props} />
      </Modal.Content>
    </Modal.Root>
  );
};
