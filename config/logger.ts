// LOG_LEVEL overrides the level (error, warn, info, http, debug); tests default to errors only.
export default ({ env }: { env: (key: string, fallback: string) => string }) => ({
  level: env('LOG_LEVEL', env('NODE_ENV', 'development') === 'test' ? 'error' : 'http'),
});
