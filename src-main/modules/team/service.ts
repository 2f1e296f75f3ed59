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
  /** Stops the team listener (and the pairing one). */
  close(): Promise<void>;
}

/** « Héberger l'équipe »: the setting, and starting or stopping the listener now (the desktop app, `passeur serve`). */
export interface HostingControl {
  setting(): { address: string; port: number } | null;
  enable(address: string, port: number): Promise<void>;
  disable(): Promise<void>;
}

const services = new WeakMap<AppCore, TeamService>();
const controls = new WeakMap<AppCore, HostingControl>();

export function attachHosting(app: AppCore, control: HostingControl): void {
  controls.set(app, control);
}

export function hostingOf(app: AppCore): HostingControl | undefined {
  return controls.get(app);
}

export function attachTeam(app: AppCore, service: TeamService): void {
  services.set(app, service);
}

/** Detaches `service` if it is still the one attached (a new listener may have replaced it). */
export function detachTeam(app: AppCore, service: TeamService): void {
  if (services.get(app) === service) services.delete(app);
}

export function teamOf(app: AppCore): TeamService | undefined {
  return services.get(app);
}
