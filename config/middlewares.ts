import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  // inside errors: PostgreSQL data exceptions become 400s (src/middlewares/data-errors.ts)
  'global::data-errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // input robustness around the body parser (src/middlewares/json-only.ts, input-guard.ts)
  'global::json-only',
  'strapi::body',
  'global::input-guard',
  // a publish action on a type without draft & publish is a 400, not a TypeError (src/middlewares/publish-guard.ts)
  'global::publish-guard',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
