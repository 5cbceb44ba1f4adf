import { Modal } from '@strapi/design-system';
import { useT } from '../../hooks/useT';
import { DunningDialog, type DunningDialogProps } from './DunningDialog';

/** The dunning dialog as a modal of its own (the dunning page's list), titled with the party. */
export const DunningModal = (props: DunningDialogProps) => {
  const { t } = useT();
  const { party, onClose } = props;
  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('dunning.dialog.title', 'Dun {name}', { name: party.code ? `${party.name} (${party.code})` : party.name })}</Modal.Title>
        </Modal.Header>
        <DunningDialog {...props} />
      </Modal.Content>
    </Modal.Root>
  );
};
