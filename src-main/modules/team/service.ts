/**
 * What the team channels reach of the running team host (src-main/team/host.ts), which
 * attaches itself to the core when it starts. Without it, this workstation does not host.
 */
import type { AppCore } from '../../api/app';

export interface WorkstationOut {
  id: string;
  name: string;
  fingerprint: string;
  pairedAt: string;
  pairedBy: number | null;
  lastSeen: string | null;
  revokedAt: string | null;
  revokedBy: number | null;
}

export interface TeamService {
  address: string;
  port: number;
  /** The CA's fingerprint, as people compare it. */
  fingerprint: string;
  pairing(): { expiresAt: string; address: string } | null;
  createPairingCode(by: number): Promise<{ code: string; expiresAt: string; address: string }>;
  workstations(): WorkstationOut[];
  /** Revokes a workstation and closes its connections at once; undefined for an unknown id. */
  revoke(id: string, by: number): WorkstationOut | undefined;
}

const services = new WeakMap<AppCore, TeamService>();

export function attachTeam(app: AppCore, service: TeamService): void {
  services.set(app, service);
}

export function detachTeam(app: AppCore): void {
  services.delete(app);
}

export function teamOf(app: AppCore): TeamService | undefined {
  return services.get(app);
}
