import { Badge } from '@strapi/design-system';
import type { HeaderActionComponent } from '@strapi/content-manager/strapi-admin';
import { CUSTOMER, useT } from '../shared';

const STYLE: Record<string, { background: string; text: string }> = {
  green: { background: 'success100', text: 'success700' },
  orange: { background: 'warning100', text: 'warning700' },
  red: { background: 'danger100', text: 'danger700' },
};

/** The record's reliability colour, in the header, when it has one (the company's rule decides whether it may). */
export const ReliabilityBadge: HeaderActionComponent = ({ model, document }) => {
  const t = useT();
  const colour = (document as { reliabilityColour?: string | null } | undefined)?.reliabilityColour;
  if (model !== CUSTOMER || !colour || !STYLE[colour]) return null;
  const name = t(`reliability.${colour}`, colour);
  return {
    label: 'reliability-colour',
    _status: {
      message: (
        <Badge backgroundColor={STYLE[colour].background} textColor={STYLE[colour].text} size="M" data-reliability={colour}>
          {t('reliability.badge', 'Reliability: {colour}', { colour: name })}
        </Badge>
      ),
      tooltip: t('reliability.tooltip', 'Reliability colour of the customer'),
    },
  };
};
