import * as React from 'react';
import { Typography } from '@strapi/design-system';

/** A part of a page that fails to draw shows why, in its place, instead of blanking the admin. */
export class ErrorBoundary extends React.Component<{ message: (error: Error) => string; children: React.ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (this.state.error) {
      return (
        <Typography textColor="danger600" role="alert">
          {this.props.message(this.state.error)}
        </Typography>
      );
    }
    return this.props.children;
  }
}
