/**
 * The paired workstations of a team host: name, certificate serial and fingerprint, paired
 * on/by, last seen, revoked on/by. Kept in `<data>/team/postes.json` (0600), not in the
 * store: the host checks it at the TLS layer for every connection, before anyone has logged
 * in and while the store's key is still sealed. It holds no social data; pairing and
 * revocation are also written to the audit log by the channels that make them.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HOST_DIR, normalizeSerial, privateDir, writePrivate } from './pki';

export interface Workstation {
  id: string;
  name: string;
  serial: string;
  fingerprint: string;
  pairedAt: string;
  pairedBy: number | null;
  lastSeen: string | null;
  revokedAt: string | null;
  revokedBy: number | null;
}

const FILE = 'postes.json';
/** "Last seen" is written at most this often per workstation (a connection is not a write). */
const SEEN_EVERY_MS = 60_000;

export class WorkstationRegistry {
  private readonly file: string;
  private items: Workstation[];
  private readonly seenWritten = new Map<string, number>();

  constructor(dataDir: string) {
    privateDir(path.join(dataDir, HOST_DIR));
    this.file = path.join(dataDir, HOST_DIR, FILE);
    this.items = fs.existsSync(this.file) ? (JSON.parse(fs.readFileSync(this.file, 'utf8')) as Workstation[]) : [];
  }

  private save(): void {
    writePrivate(this.file, JSON.stringify(this.items, null, 1));
  }

  list(): Workstation[] {
    return this.items.map((w) => ({ ...w }));
  }

  byId(id: string): Workstation | undefined {
    return this.items.find((w) => w.id === id);
  }

  /** The paired, non-revoked workstation holding the certificate of this serial. */
  active(serial: string): Workstation | undefined {
    const s = normalizeSerial(serial);
    return this.items.find((w) => w.serial === s && w.revokedAt === null);
  }

  add(w: { name: string; serial: string; fingerprint: string; pairedBy: number | null }, now = new Date()): Workstation {
    const entry: Workstation = {
      id: `poste-${crypto.randomBytes(6).toString('hex')}`,
      name: w.name,
      serial: normalizeSerial(w.serial),
      fingerprint: w.fingerprint,
      pairedAt: now.toISOString(),
      pairedBy: w.pairedBy,
      lastSeen: null,
      revokedAt: null,
      revokedBy: null,
    };
    this.items.push(entry);
    this.save();
    return entry;
  }

  revoke(id: string, by: number | null, now = new Date()): Workstation | undefined {
    const w = this.items.find((x) => x.id === id);
    if (!w || w.revokedAt !== null) return w;
    w.revokedAt = now.toISOString();
    w.revokedBy = by;
    this.save();
    return w;
  }

  seen(id: string, now = new Date()): void {
    const w = this.items.find((x) => x.id === id);
    if (!w) return;
    w.lastSeen = now.toISOString();
    const last = this.seenWritten.get(id) ?? 0;
    if (now.getTime() - last >= SEEN_EVERY_MS) {
      this.seenWritten.set(id, now.getTime());
      this.save();
    }
  }
}
