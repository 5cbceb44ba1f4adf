import { UpstreamError } from './upstream-error';

interface Ctx {
  status: number;
  body: unknown;
}

/** Runs a controller action; an UpstreamError becomes its own status with Strapi's error body shape. */
export async function respondUpstream(ctx: Ctx, action: () => Promise<unknown>): Promise<void> {
  try {
    ctx.body = await action();
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    ctx.status = error.status;
    ctx.body = { data: null, error: { status: error.status, name: error.name, message: error.message, details: error.details } };
  }
}
