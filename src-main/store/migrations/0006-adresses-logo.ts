import type { Migration } from './migration';

/**
 * The postal address in parts (La Poste's lines, DOMAIN §4.4): the household's `address` is
 * now the number and street, `address_complement` the line of the building, flat, lieu-dit or
 * boîte postale; the postcode and the commune (INSEE) were already apart. Existing addresses
 * typed on several lines keep their first line as the street and the others as the complement;
 * a postcode typed at the end of the address (« 5 rue Léon Cladel 82000 Montauban ») moves to
 * the postcode when that was empty. And the site's logo, printed at the head of letters, kept
 * in the encrypted store (PNG or JPEG, 500 kB at most).
 */
export const m0006AdressesLogo: Migration = {
  version: 6,
  name: '0006-adresses-logo',
  up(db) {
    db.exec(`
      ALTER TABLE households ADD COLUMN address_complement TEXT NOT NULL DEFAULT ''
        CHECK (length(address_complement) <= 200 AND instr(address_complement, char(10)) = 0);

      ALTER TABLE site ADD COLUMN logo BLOB CHECK (logo IS NULL OR length(logo) <= 512000);
      ALTER TABLE site ADD COLUMN logo_mime TEXT CHECK (logo_mime IS NULL OR logo_mime IN ('image/png', 'image/jpeg'));
    `);
    const rows = db.prepare('SELECT id, address, postcode FROM households').all() as { id: number; address: string; postcode: string }[];
    const update = db.prepare('UPDATE households SET address = ?, address_complement = ?, postcode = ? WHERE id = ?');
    for (const r of rows) {
      const split = splitAddress(r.address, r.postcode);
      if (split.address !== r.address || split.complement !== '' || split.postcode !== r.postcode) update.run(split.address, split.complement, split.postcode, r.id);
    }
  },
};

/** A free-text address → street, complement, postcode (only taken from the text when none was set). */
export function splitAddress(text: string, postcode: string): { address: string; complement: string; postcode: string } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  let pc = postcode;
  const last = lines[lines.length - 1];
  const trailing = last !== undefined ? /^(.*?)[\s,]*\b(\d{5})(?:\s+[^\d,]+)?$/.exec(last) : null;
  if (trailing && !pc) {
    pc = trailing[2]!;
    const rest = trailing[1]!.trim();
    if (rest) lines[lines.length - 1] = rest;
    else lines.pop();
  }
  return { address: lines[0] ?? '', complement: lines.slice(1).join(', '), postcode: pc };
}
