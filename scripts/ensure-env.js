// Writes a .env with fresh random secrets when there is none, so a fresh clone boots.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const file = path.resolve(__dirname, '..', '.env');
const secret = () => crypto.randomBytes(24).toString('base64');

function ensureEnv() {
  if (fs.existsSync(file)) return false;
  const lines = [
    'HOST=0.0.0.0',
    'PORT=1337',
    `APP_KEYS="${[secret(), secret(), secret(), secret()].join(',')}"`,
    `API_TOKEN_SALT=${secret()}`,
    `ADMIN_JWT_SECRET=${secret()}`,
    `TRANSFER_TOKEN_SALT=${secret()}`,
    `JWT_SECRET=${secret()}`,
    `ENCRYPTION_KEY=${secret()}`,
    'STRAPI_TELEMETRY_DISABLED=true',
  ];
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return true;
}

module.exports = { ensureEnv };
if (require.main === module && ensureEnv()) console.log('Wrote .env with fresh secrets');
