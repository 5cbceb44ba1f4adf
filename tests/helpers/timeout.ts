// Booting Strapi takes seconds; a Postgres run a little more.
jest.setTimeout(180000);
