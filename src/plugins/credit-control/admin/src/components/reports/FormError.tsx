import { Typography } from '@strapi/design-system';

/** The server's refusal, in words, above the form. */
export const FormError = ({ message }: { message: string | null }) =>
  message ? (
    <Typography textColor="danger600" role="alert" tag="p" data-report-error>
      {message}
    </Typography>
  ) : null;
