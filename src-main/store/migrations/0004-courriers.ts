import type { Migration } from './migration';

/**
 * What a decision letter needs to be posted (DOMAIN §4.4): the household's postcode (optional,
 * five digits; the commune comes from its INSEE code, which is not a postcode) and the site's
 * postal block printed at the head of every letter (service name, address lines, postcode,
 * city, phone), set by the administrator. Existing rows get empty values: nothing is invented.
 */
export const m0004Courriers: Migration = {
  version: 4,
  name: '0004-courriers',
  up(db) {
    db.exec(`
      ALTER TABLE households ADD COLUMN postcode TEXT NOT NULL DEFAULT ''
        CHECK (postcode = '' OR (length(postcode) = 5 AND postcode NOT GLOB '*[^0-9]*'));

      ALTER TABLE site ADD COLUMN service_name TEXT NOT NULL DEFAULT '';
      -- A JSON array of up to three one-line strings.
      ALTER TABLE site ADD COLUMN address_lines TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(address_lines) AND json_type(address_lines) = 'array' AND json_array_length(address_lines) <= 3);
      ALTER TABLE site ADD COLUMN postcode TEXT NOT NULL DEFAULT ''
        CHECK (postcode = '' OR (length(postcode) = 5 AND postcode NOT GLOB '*[^0-9]*'));
      ALTER TABLE site ADD COLUMN city TEXT NOT NULL DEFAULT '';
      ALTER TABLE site ADD COLUMN phone TEXT NOT NULL DEFAULT '';
    `);
  },
};
