import { Flex, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { editViewPath } from '../../customer-actions/shared';
import { useFlowT, type MadeDocument } from '../flow';
import { useFormat } from '../format';

/** The documents made by one operation, each a link to its record (several invoices, one per source). */
export const MadeLinks = ({ made, uid, onOpen }: { made: MadeDocument[]; uid: string; onOpen: () => void }) => {
  const t = useFlowT();
  const { money } = useFormat();
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-made-links="true">
      <Typography variant="sigma">{t('made.title', 'Made')}</Typography>
      {made.map((doc) => (
        <Typography key={doc.documentId} tag="p">
          <Link to={editViewPath(uid, doc.documentId!)} onClick={onOpen} data-made={doc.documentId}>
            {doc.number}
          </Link>{' '}
          {`${money(doc.amountExclTax)} ${t('exclTax', 'excl. tax')}`}
        </Typography>
      ))}
    </Flex>
  );
};
