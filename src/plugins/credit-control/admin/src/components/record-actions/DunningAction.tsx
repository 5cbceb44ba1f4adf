import { Mail } from '@strapi/icons';
import { DunningDialog } from '../dunning/DunningDialog';
import { partyReportAction } from './partyReportAction';

/**
 * "Dun" on the party record (reports.read): the dunning page's own dialog for this party, as of
 * today; a PDF for reports.read, the email and the recording of levels with reports.dun too.
 */
export const DunningAction = partyReportAction({
  label: ['record.dunning.title', 'Dunning letter or email'],
  icon: <Mail />,
  Content: ({ documentId, name, code, onClose }) => <DunningDialog party={{ documentId, name, code }} onClose={onClose} />,
});
