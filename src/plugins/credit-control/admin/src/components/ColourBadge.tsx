import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';
import type { ReliabilityColour } from '../utils/types';

const VARIANTS: Record<ReliabilityColour, 'success' | 'warning' | 'danger'> = { green: 'success', amber: 'warning', red: 'danger' };
const NAMES: Record<ReliabilityColour, string> = { green: 'Green', amber: 'Amber', red: 'Red' };

/** A reliability colour (suggested or the record's), in the reader's language; a dash for none. */
export const ColourBadge = ({ colour, name }: { colour: ReliabilityColour | null; name: string }) => {
  const { formatMessage } = useIntl();
  if (!colour) return <span data-colour={name}>—</span>;
  return (
    <Badge variant={VARIANTS[colour]} data-colour={name} data-colour-value={colour}>
      {formatMessage({ id: getTranslation(`colour.${colour}`), defaultMessage: NAMES[colour] })}
    </Badge>
  );
};
