import { Box, Grid, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import type { Address, ContactDetails, Overview } from '../types';
import { editViewPath, useT } from '../utils';
import { Empty, Section } from './Section';

const present = (x: string | null | undefined): x is string => Boolean(x);
const lines = (a: Address | null): string[] => (a ? [a.line1, a.line2, a.line3, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.country].filter(present) : []);
const details = (d: ContactDetails | null): string[] => (d ? [d.phone, d.mobile, d.email, d.website].filter(present) : []);

const Block = ({ title, text, children }: { title: string; text: string[]; children?: React.ReactNode }) => (
  <Box>
    <Typography variant="sigma" textColor="neutral600" tag="h3">{title}</Typography>
    {text.map((line, i) => <Typography key={i} tag="p">{line}</Typography>)}
    {children}
  </Box>
);

/** Address (General fields of the record and its head office site) and the record's notes. */
export const AddressSection = ({ data }: { data: Overview }) => {
  const { t } = useT();
  const { address, contactDetails, headOffice } = data.address;
  const recordLines = [...lines(address), ...details(contactDetails)];
  return (
    <Grid.Root gap={4}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Section id="address" title={t('section.address', 'Address')}>
          <Grid.Root gap={4}>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Block title={t('address.record', 'Record')} text={recordLines.length ? recordLines : [t('address.none', 'No address')]} />
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              {headOffice ? (
                <Block title={t('address.headOffice', 'Head office')} text={[...lines(headOffice.address), ...details(headOffice.contactDetails)]}>
                  <Typography tag="p"><Link to={editViewPath(headOffice.uid, headOffice.documentId)} data-insights-row={headOffice.documentId}>{headOffice.name}</Link></Typography>
                </Block>
              ) : (
                <Block title={t('address.headOffice', 'Head office')} text={[t('address.noHeadOffice', 'No head office site')]} />
              )}
            </Grid.Item>
          </Grid.Root>
        </Section>
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Section id="notes" title={t('section.notes', 'Notes')}>
          {data.notes ? <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>{data.notes}</Typography> : <Empty text={t('notes.none', 'No notes')} />}
        </Section>
      </Grid.Item>
    </Grid.Root>
  );
};
